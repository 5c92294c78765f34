// The EOI form's criteria, updated as the form is filled: the form is sent as it stands to
// POST /apply/rounds/{roundId}/criteria, which screens it with the fund's EligibilityService.
// Without JavaScript the "Check criteria" button does the same by reloading the page.
const form = document.getElementById('eoi-form');
const list = document.getElementById('criteria');
if (form && list) {
  let timer;
  // Each check is numbered, and only the latest one's answer is shown: an earlier answer that
  // arrives late (a slow network, a busy server) must not overwrite a newer one.
  let latest = 0;
  const update = async () => {
    const asked = ++latest;
    const body = new URLSearchParams(new FormData(form));
    const response = await fetch(form.dataset.criteriaUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body,
      credentials: 'same-origin'
    });
    if (!response.ok || asked !== latest) return;
    const results = await response.json();
    if (asked !== latest) return;
    for (const result of results) {
      const item = document.getElementById('criterion-' + result.code);
      if (!item) continue;
      item.dataset.passed = String(result.passed);
      const tag = item.querySelector('strong');
      tag.textContent = result.passed ? 'Met' : 'Not met';
      tag.className = 'govuk-tag ' + (result.passed ? 'govuk-tag--green' : 'govuk-tag--red');
      item.querySelector('span.govuk-body-s').textContent = result.reason;
    }
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(update, 250);
  };
  form.addEventListener('input', later);
  form.addEventListener('change', later);
}

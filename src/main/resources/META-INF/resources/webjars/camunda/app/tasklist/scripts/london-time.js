// CoFund: Tasklist shows dates and times in London time (Europe/London), whatever the time zone of
// the browser or of the machine it runs on. The fund's deadlines are London's.
//
// Tasklist formats every date with its own copy of moment (through angular-moment). This script
// gives that copy moment-timezone (its webjar, served by CoFund: no CDN), sets London as its
// default zone, and names the zone in the footer. Tasklist's config.js lists it in customScripts.
// docs/tasklist.md describes it.
const ZONE = 'Europe/London';
const ZONE_NAME = 'London time (Europe/London)';
const MOMENT_TIMEZONE =
  '/webjars/moment-timezone/0.5.45/builds/moment-timezone-with-data-1970-2030.min.js';

/** The webapps' AngularJS injector, once the app has started. */
function injector() {
  const angular = window.angular;
  if (!angular) {
    return null;
  }
  const root = document.querySelector('[ng-app], .ng-scope') || document.body;
  return angular.element(root).injector() || null;
}

/**
 * Runs moment-timezone's bundle against the webapps' moment: the bundle attaches itself to
 * `this.moment` when it sees neither CommonJS nor AMD, so both are hidden from it.
 */
async function addTimezones(moment) {
  if (moment.tz) {
    return;
  }
  const response = await fetch(MOMENT_TIMEZONE, {credentials: 'same-origin'});
  if (!response.ok) {
    throw new Error('CoFund: ' + MOMENT_TIMEZONE + ' answered ' + response.status);
  }
  const bundle = await response.text();
  // eslint-disable-next-line no-new-func
  new Function('module', 'define', 'require', bundle).call({moment: moment});
}

/** Names London's zone in the footer ("Date and Time displayed in local timezone: …"). */
function nameTheZone(angular) {
  document.querySelectorAll('#footer-timezone').forEach(footer => {
    const scope = angular.element(footer).scope();
    if (scope && scope.timezoneName !== ZONE_NAME) {
      scope.timezoneName = ZONE_NAME;
      scope.$applyAsync();
    }
  });
}

async function londonTime() {
  let $injector = injector();
  while (!$injector) {
    await new Promise(resolve => setTimeout(resolve, 50));
    $injector = injector();
  }
  const moment = $injector.get('moment');
  await addTimezones(moment);
  $injector.get('amMoment').changeTimezone(ZONE);
  document.documentElement.setAttribute('data-cofund-time-zone', ZONE);
  const $rootScope = $injector.get('$rootScope');
  nameTheZone(window.angular);
  new MutationObserver(() => nameTheZone(window.angular)).observe(document.body, {
    childList: true,
    subtree: true
  });
  $rootScope.$applyAsync();
}

londonTime().catch(error => console.error('CoFund: London time not set', error));

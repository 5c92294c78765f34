// Draws each fund's money by financial year with ECharts (from its webjar, no CDN). The tables
// beside each chart carry the same figures for screen readers and for pages without JavaScript.
(function () {
  var data = JSON.parse(document.getElementById('money-data').textContent || '[]');
  data.forEach(function (fund) {
    var el = document.querySelector('[data-fund-chart="' + fund.fundId + '"]');
    if (!el || !window.echarts) {
      return;
    }
    var years = fund.years.map(function (y) { return y.financialYear; });
    var series = function (name, field, colour) {
      return { name: name, type: 'bar', itemStyle: { color: colour },
        data: fund.years.map(function (y) { return y[field]; }) };
    };
    var chart = window.echarts.init(el);
    chart.setOption({
      aria: { enabled: true },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 100, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: years },
      yAxis: { type: 'value', axisLabel: { formatter: function (v) { return '£' + v.toLocaleString('en-GB'); } } },
      series: [
        series('Co-commissioning budget', 'coCommissioningBudget', '#1d70b8'),
        series('Recommended', 'recommended', '#f47738'),
        series('Awarded', 'awarded', '#00703c'),
        series('Left', 'left', '#505a5f')
      ]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  });
})();

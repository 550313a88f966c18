// The peer page's script: the bundled data's headline response and remission rates, as two bar
// charts side by side, drawn by vega-embed (SVG).
(async () => {
  const data = await (await fetch('/embed/trd-evidence.json')).json();
  const values = [];
  for (const option of data.options) {
    for (const finding of option.findings) {
      if (finding.headline && finding.value.kind === 'percent' && ['response', 'remission'].includes(finding.metric)) {
        values.push({ option: option.name, metric: finding.metric, percent: Number(finding.value.percent) });
      }
    }
  }
  const panel = (metric) => ({
    title: metric === 'response' ? 'Response' : 'Remission',
    transform: [{ filter: `datum.metric === '${metric}'` }],
    mark: 'bar',
    encoding: {
      y: { field: 'option', type: 'nominal', sort: null, title: null },
      x: { field: 'percent', type: 'quantitative', scale: { domain: [0, 100] }, title: '%' },
      tooltip: [{ field: 'option' }, { field: 'percent' }],
    },
    width: 220,
  });
  await vegaEmbed('#chart', {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    data: { values },
    hconcat: [panel('response'), panel('remission')],
  }, { renderer: 'svg', actions: false });
})();

// Optional, for hosts that embed the comparison in an iframe: sizes every
// <iframe data-trd-evidence-frame> to the height its page reports, so it never scrolls inside.
addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'trd-evidence:height' || !(data.height > 0)) return;
  for (const frame of document.querySelectorAll('iframe[data-trd-evidence-frame]')) {
    if (frame.contentWindow === event.source) frame.style.height = `${Math.min(Math.ceil(data.height), 100000)}px`;
  }
});

// The deck as a lecturer sets it up: reveal.js's defaults (960×700 slides, keyboard on), and,
// as the README says, a new layout once a widget has drawn (reveal centres each slide by its
// content's height).
Reveal.initialize({ hash: true, width: 960, height: 700 });
document.addEventListener('trd-evidence:ready', () => Reveal.layout());

// Cover artwork for the demo show: a tuning dial on a dark panel, with the show name.
// Pure function of its inputs, so the SVG is byte-for-byte reproducible.

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const r1 = (n: number): string => (Math.round(n * 10) / 10).toString();

/** A point on a circle of radius r, at `deg` degrees clockwise from straight up. */
function polar(r: number, deg: number): [string, string] {
  const rad = (deg * Math.PI) / 180;
  return [r1(Math.sin(rad) * r), r1(-Math.cos(rad) * r)];
}

export function coverSvg(show: string, tagline: string): string {
  const ticks: string[] = [];
  for (let i = 0; i <= 40; i++) {
    const deg = -120 + i * 6;
    const major = i % 5 === 0;
    const [x1, y1] = polar(major ? 262 : 280, deg);
    const [x2, y2] = polar(305, deg);
    ticks.push(
      `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke-width="${major ? 9 : 4}"/>`,
    );
  }
  const [nx, ny] = polar(290, 38);
  const serif = "Georgia, 'Times New Roman', Times, serif";
  const sans = "'Helvetica Neue', Helvetica, Arial, sans-serif";
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1400 1400" width="1400" height="1400" role="img" aria-labelledby="cover-title">
  <title id="cover-title">${esc(show)}: podcast cover</title>
  <rect width="1400" height="1400" fill="#efe4cf"/>
  <rect x="70" y="70" width="1260" height="1260" rx="56" fill="#1d3d47"/>
  <g transform="translate(700 575)">
    <circle r="345" fill="#234b56"/>
    <circle r="345" fill="none" stroke="#e2a53c" stroke-width="10"/>
    <circle r="215" fill="none" stroke="#efe4cf" stroke-opacity="0.22" stroke-width="5"/>
    <circle r="150" fill="none" stroke="#efe4cf" stroke-opacity="0.16" stroke-width="5"/>
    <circle r="85" fill="none" stroke="#efe4cf" stroke-opacity="0.1" stroke-width="5"/>
    <g stroke="#efe4cf" stroke-linecap="round">
      ${ticks.join('\n      ')}
    </g>
    <line x1="0" y1="0" x2="${nx}" y2="${ny}" stroke="#e4603f" stroke-width="14" stroke-linecap="round"/>
    <circle r="38" fill="#e2a53c"/>
    <circle r="12" fill="#1d3d47"/>
  </g>
  <text x="700" y="1105" text-anchor="middle" font-family="${serif}" font-size="148" fill="#efe4cf">${esc(show)}</text>
  <text x="700" y="1190" text-anchor="middle" font-family="${sans}" font-size="42" letter-spacing="7" fill="#e2a53c">${esc(tagline.toUpperCase())}</text>
</svg>
`;
}

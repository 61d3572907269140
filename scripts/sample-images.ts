/**
 * Draws the sample archive's images as SVG and renders them to JPEG and PNG with sharp, so
 * every picture in content/ is the project's own: a map, charts and illustrations. The output
 * is committed; run again after changing a drawing:
 *
 *   node --import tsx scripts/sample-images.ts
 */
import { mkdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";

const CONTENT = fileURLToPath(new URL("../content", import.meta.url));
const W = 1600;
const H = 900;

const svg = (width: number, height: number, body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans, Arial, sans-serif">${body}</svg>`;

/** A lake with two towns and the ferry line between them. */
function ferryIllustration(): string {
  const waves = Array.from({ length: 9 }, (_, i) => `<path d="M0 ${560 + i * 40} q100 -18 200 0 t200 0 t200 0 t200 0 t200 0 t200 0 t200 0 t200 0" stroke="#cfe3ef" stroke-width="4" fill="none" opacity="${0.3 + i * 0.05}"/>`).join("");
  return svg(W, H, `<rect width="${W}" height="${H}" fill="#8ec5e8"/>
<circle cx="1300" cy="170" r="90" fill="#ffe08a"/>
<path d="M0 470 L260 300 L420 410 L640 250 L900 430 L1120 320 L1400 440 L1600 360 L1600 520 L0 520Z" fill="#6b8f71"/>
<rect y="520" width="${W}" height="380" fill="#2f6f9f"/>${waves}
<g transform="translate(560 560)"><path d="M0 60 L480 60 L440 120 L40 120Z" fill="#f4f1e8"/><rect x="90" y="10" width="300" height="50" rx="8" fill="#1d4e89"/><rect x="120" y="22" width="40" height="24" fill="#cde"/><rect x="180" y="22" width="40" height="24" fill="#cde"/><rect x="240" y="22" width="40" height="24" fill="#cde"/><rect x="300" y="22" width="40" height="24" fill="#cde"/><path d="M200 10 L220 -40 L260 -40 L280 10Z" fill="#3a9d5d"/></g>`);
}

/** A bar chart of vote shares. */
function voteChart(): string {
  const parties: Array<[string, number, string]> = [["Citizens' List", 31.1, "#1d4e89"], ["Progressive Union", 29.3, "#b33a3a"], ["Rural Party", 15.2, "#c9a227"], ["Greens", 13.8, "#3a7d44"], ["Others", 10.6, "#777777"]];
  const bars = parties.map(([name, share, colour], i) => {
    const x = 170 + i * 270;
    const h = share * 17;
    return `<rect x="${x}" y="${760 - h}" width="170" height="${h}" fill="${colour}"/><text x="${x + 85}" y="${740 - h}" font-size="40" text-anchor="middle" fill="#1a1a1a">${share.toFixed(1)}</text><text x="${x + 85}" y="810" font-size="30" text-anchor="middle" fill="#1a1a1a">${name.replace("'", "&#8217;")}</text>`;
  }).join("");
  return svg(W, H, `<rect width="${W}" height="${H}" fill="#fbfaf7"/><text x="80" y="100" font-size="52" font-weight="bold" fill="#1a1a1a">Regional vote after 88 of 96 districts, per cent</text><line x1="120" y1="760" x2="1520" y2="760" stroke="#1a1a1a" stroke-width="3"/>${bars}`);
}

/** Seats in the assembly, as a half circle of dots. */
function seatChart(): string {
  const colours = [...Array(35).fill("#1d4e89"), ...Array(33).fill("#b33a3a"), ...Array(12).fill("#c9a227"), ...Array(16).fill("#3a7d44")];
  const dots: string[] = [];
  let n = 0;
  for (const [ring, count] of [[0, 14], [1, 20], [2, 26], [3, 36]] as const) {
    const r = 170 + ring * 75;
    for (let i = 0; i < count; i++, n++) {
      const a = Math.PI - (Math.PI * (i + 0.5)) / count;
      dots.push(`<circle cx="${(600 + r * Math.cos(a)).toFixed(1)}" cy="${(560 - r * Math.sin(a)).toFixed(1)}" r="22" fill="${colours[n]}"/>`);
    }
  }
  return svg(1200, 640, `<rect width="1200" height="640" fill="#fbfaf7"/>${dots.join("")}<text x="600" y="610" font-size="36" text-anchor="middle" fill="#1a1a1a">96 seats</text>`);
}

/** Summer water temperature, a line over twenty years. */
function temperatureChart(): string {
  const values = Array.from({ length: 21 }, (_, i) => 21 + i * 0.12 + Math.sin(i * 1.7) * 0.6);
  const points = values.map((v, i) => `${120 + i * 66},${760 - (v - 19) * 110}`).join(" ");
  const grid = [20, 22, 24, 26].map((t) => `<line x1="120" x2="1480" y1="${760 - (t - 19) * 110}" y2="${760 - (t - 19) * 110}" stroke="#d8d4cc" stroke-width="2"/><text x="100" y="${770 - (t - 19) * 110}" font-size="30" text-anchor="end" fill="#4a4a4a">${t} °C</text>`).join("");
  return svg(W, H, `<rect width="${W}" height="${H}" fill="#fbfaf7"/><text x="80" y="100" font-size="52" font-weight="bold" fill="#1a1a1a">Lake Wendel in August, 2004–2024</text>${grid}<polyline points="${points}" fill="none" stroke="#b33a3a" stroke-width="8" stroke-linejoin="round"/><text x="120" y="830" font-size="30" fill="#4a4a4a">2004</text><text x="1480" y="830" font-size="30" text-anchor="end" fill="#4a4a4a">2024</text>`);
}

/** Mussels on a stone, an illustration. */
function musselIllustration(): string {
  const shells = Array.from({ length: 14 }, (_, i) => {
    const x = 300 + ((i * 397) % 1000);
    const y = 380 + ((i * 211) % 300);
    return `<ellipse cx="${x}" cy="${y}" rx="70" ry="34" transform="rotate(${(i * 37) % 180} ${x} ${y})" fill="#2d2a3e" stroke="#5b5677" stroke-width="6"/>`;
  }).join("");
  return svg(W, H, `<rect width="${W}" height="${H}" fill="#1f4d5c"/><ellipse cx="800" cy="560" rx="700" ry="300" fill="#8a8578"/>${shells}`);
}

/** The harbour walk's route on a map. */
function harbourMap(): string {
  return svg(W, H, `<rect width="${W}" height="${H}" fill="#eae6d8"/>
<path d="M0 600 C300 520 500 700 800 640 S1300 520 1600 600 L1600 900 L0 900Z" fill="#9cc8e4"/>
<rect x="700" y="560" width="40" height="180" fill="#8a7f6a"/><rect x="900" y="540" width="40" height="160" fill="#8a7f6a"/>
<path d="M180 520 L420 470 L700 540 L920 520 L1180 460 L1420 500" fill="none" stroke="#b33a3a" stroke-width="12" stroke-dasharray="30 18" stroke-linecap="round"/>
${[[180, 520, "Start"], [700, 540, "Old pier"], [920, 520, "Ferry pier"], [1420, 500, "Boathouse"]].map(([x, y, label]) => `<circle cx="${x}" cy="${y}" r="18" fill="#1a1a1a"/><text x="${x}" y="${Number(y) - 36}" font-size="36" text-anchor="middle" fill="#1a1a1a">${label}</text>`).join("")}
<text x="80" y="110" font-size="52" font-weight="bold" fill="#1a1a1a">Harbour walk, 3.2 km</text>`);
}

/** Where each drawing goes, and how it is written. */
const IMAGES: Array<[string, () => string, "jpeg" | "png"]> = [
  ["2025/images/electric-ferry.jpg", ferryIllustration, "jpeg"],
  ["2021/images/vote-shares.png", voteChart, "png"],
  ["2021/images/seats.png", seatChart, "png"],
  ["2020/images/lake-temperature.png", temperatureChart, "png"],
  ["2024/images/mussels.jpg", musselIllustration, "jpeg"],
  ["2025/harbour-walk/route.png", harbourMap, "png"],
  ["2025/harbour-walk/ferry-pier.jpg", ferryIllustration, "jpeg"],
];

for (const [path, draw, format] of IMAGES) {
  const target = join(CONTENT, path);
  mkdirSync(dirname(target), { recursive: true });
  const image = sharp(Buffer.from(draw()));
  await (format === "jpeg" ? image.jpeg({ quality: 72, mozjpeg: true }) : image.png({ palette: true, compressionLevel: 9 })).toFile(target);
  console.log(`${path}  ${Math.round(statSync(target).size / 1024)} KB`);
}

// Renders docs/diagrams/ from the models in processes/ with bpmn-js, the renderer Cockpit and
// Camunda Modeler use, in Debian's headless Chromium (never a downloaded browser).
//
//   cd tools/bpmnlint && npm ci && npm run diagrams
//
// For each processes/<model>.bpmn it writes docs/diagrams/<model>.png, a PNG of each collapsed
// sub-process listed in DETAILS, and docs/diagrams/<model>.sha256: the SHA-256 of the model it was
// rendered from, which DiagramsUpToDateTest compares with the model. An import warning (an element
// without diagram interchange, a flow to nowhere) fails the run.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const processes = join(root, 'processes');
const out = join(root, 'docs', 'diagrams');
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
const MARGIN = 30;

/** Collapsed sub-processes drawn on their own, as the README shows them: model -> id -> file. */
const DETAILS = {
  proposal: {
    SubProcess_CorePartnerSignOff: 'proposal-core-partner-sign-off',
    SubProcess_NewBoroughSignOff: 'proposal-new-borough-sign-off',
    SubProcess_Assessment: 'proposal-assessment',
  },
  grant: {
    SubProcess_Quarters: 'grant-quarter',
    SubProcess_Variation: 'grant-variation',
    SubProcess_Suspension: 'grant-suspension',
  },
};

/** The model's SHA-256, line endings as LF so that a checkout with CRLF gives the same. */
export function modelHash(xml) {
  return createHash('sha256').update(xml.replace(/\r\n/g, '\n'), 'utf8').digest('hex');
}

const viewerBundle = join(here, 'node_modules', 'bpmn-js', 'dist', 'bpmn-viewer.production.min.js');
const css = ['diagram-js.css', 'bpmn-js.css']
  .map((f) => readFileSync(join(here, 'node_modules', 'bpmn-js', 'dist', 'assets', f), 'utf8'))
  .join('\n');

const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none'],
});
let failed = false;
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1200, height: 800, deviceScaleFactor: 1 });
  await page.setContent(`<!DOCTYPE html><html><head><style>${css}
      html, body { margin: 0; background: white; font-family: Arial, sans-serif; }
      #canvas { position: absolute; left: 0; top: 0; width: 100%; height: 100%; }
      .bjs-powered-by, .bjs-breadcrumbs, .bjs-drilldown { display: none !important; }
    </style></head><body><div id="canvas"></div></body></html>`);
  await page.addScriptTag({ path: viewerBundle });

  const models = readdirSync(processes).filter((f) => f.endsWith('.bpmn')).sort();
  for (const file of models) {
    const model = file.replace(/\.bpmn$/, '');
    const xml = readFileSync(join(processes, file), 'utf8');
    const warnings = await page.evaluate(async (xml) => {
      window.viewer?.destroy();
      window.viewer = new BpmnJS({ container: '#canvas' });
      const { warnings } = await window.viewer.importXML(xml);
      return warnings.map((w) => w.message);
    }, xml);
    if (warnings.length) {
      console.error(`${file}: ${warnings.length} import warning(s):\n  ${warnings.join('\n  ')}`);
      failed = true;
      continue;
    }
    const planes = [[null, model], ...Object.entries(DETAILS[model] || {})];
    for (const [subProcess, name] of planes) {
      const size = await page.evaluate((subProcess, margin) => {
        const canvas = window.viewer.get('canvas');
        if (subProcess) {
          canvas.setRootElement(canvas.findRoot(subProcess + '_plane'));
        } else {
          canvas.setRootElement(canvas.getRootElements()[0]);
        }
        const box = canvas.getActiveLayer().getBBox();
        canvas.zoom(1);
        canvas.viewbox({ x: box.x - margin, y: box.y - margin, width: box.width + 2 * margin,
          height: box.height + 2 * margin });
        return { width: Math.ceil(box.width + 2 * margin), height: Math.ceil(box.height + 2 * margin) };
      }, subProcess, MARGIN);
      await page.setViewport({ ...size, deviceScaleFactor: 1 });
      // The viewbox follows the container: set it again at the new size.
      await page.evaluate((subProcess, margin) => {
        const canvas = window.viewer.get('canvas');
        canvas.resized();
        const box = canvas.getActiveLayer().getBBox();
        canvas.viewbox({ x: box.x - margin, y: box.y - margin, width: box.width + 2 * margin,
          height: box.height + 2 * margin });
      }, subProcess, MARGIN);
      await page.screenshot({ path: join(out, `${name}.png`), clip: { x: 0, y: 0, ...size } });
      console.log(`docs/diagrams/${name}.png  ${size.width} x ${size.height}`);
    }
    writeFileSync(join(out, `${model}.sha256`), `${modelHash(xml)}  processes/${file}\n`);
  }
} finally {
  await browser.close();
}
if (failed) {
  process.exit(1);
}

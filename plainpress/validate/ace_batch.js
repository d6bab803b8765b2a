// DAISY Ace on several EPUBs with one Chromium: the arguments are pairs of an EPUB and the folder
// to write its report.json into. Ace's checker opens and closes the browser for every EPUB; here
// the browser opens once and closes after the last one. Run by ace.py, with NODE_PATH set to the
// node_modules that hold @daisy/ace-cli.
'use strict';

const ace = require('@daisy/ace-core');
const logger = require('@daisy/ace-logger');
const runner = require('@daisy/ace-axe-runner-puppeteer');

let launched = null;
const sharedBrowser = {
  ...runner,
  launch: () => (launched = launched || runner.launch()),
  close: async () => {},
};

async function main(pairs) {
  logger.initLogger({ verbose: false, silent: true, fileName: 'ace-cli.log' });
  let failed = 0;
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    try {
      await ace(pairs[i], { cwd: process.cwd(), outdir: pairs[i + 1], silent: true, jobId: '' }, sharedBrowser);
    } catch (err) {  // no report.json: ace.py reports this EPUB as failed, and the next one is checked
      failed += 1;
      process.stderr.write(`${pairs[i]}: ${err && err.message ? err.message : err}\n`);
    }
  }
  if (launched) await runner.close();
  return failed;
}

main(process.argv.slice(2)).then(() => process.exit(0), (err) => {
  process.stderr.write(`${err && err.stack ? err.stack : err}\n`);
  process.exit(1);
});

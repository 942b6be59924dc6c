// Renders reports with docxtemplater or Carbone, for benchmarks/batch_bench.py.
//
//   node render.js ENGINE TEMPLATE DATA.json OUT_DIR
//
// DATA.json is [{"file": "name.docx", "data": {...}}, …]. Each report is rendered from the
// template and written to OUT_DIR/file, one after the other. Prints one JSON line: the
// seconds each report took (wall clock, and CPU time of this process). Reading the data, loading the engine and five untimed renders of
// the first report (the JIT's warm-up, as a batch of thousands would have it; written to
// _warmup.docx and removed) are not counted.
"use strict";

const fs = require("fs");
const path = require("path");

const WARMUP = 5;

async function main() {
  const [engine, template, dataFile, outDir] = process.argv.slice(2);
  const items = JSON.parse(fs.readFileSync(dataFile, "utf8"));
  fs.mkdirSync(outDir, { recursive: true });
  let render;
  if (engine === "docxtemplater") {
    const PizZip = require("pizzip");
    const Docxtemplater = require("docxtemplater");
    const content = fs.readFileSync(template);
    render = async (data) => {
      const doc = new Docxtemplater(new PizZip(content), {
        paragraphLoop: true,
        linebreaks: true,
      });
      doc.render(data);
      return doc.getZip().generate({ type: "nodebuffer", compression: "DEFLATE" });
    };
  } else if (engine === "carbone") {
    const carbone = require("carbone");
    render = (data) =>
      new Promise((resolve, reject) => {
        carbone.render(template, data, (err, result) => (err ? reject(err) : resolve(result)));
      });
  } else {
    throw new Error(`unknown engine ${engine}`);
  }
  const warmup = path.join(outDir, "_warmup.docx");
  for (let i = 0; i < WARMUP; i++) {
    fs.writeFileSync(warmup, await render(items[0].data));
  }
  fs.unlinkSync(warmup);
  const seconds = [];
  const cpu = [];
  for (const item of items) {
    const t = process.hrtime.bigint();
    const c = process.cpuUsage();
    const buf = await render(item.data);
    fs.writeFileSync(path.join(outDir, item.file), buf);
    seconds.push(Number(process.hrtime.bigint() - t) / 1e9);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1e6);
  }
  process.stdout.write(JSON.stringify({ engine, seconds, cpu }) + "\n");
}

main().catch((err) => {
  process.stderr.write(String((err && err.stack) || err) + "\n");
  process.exit(1);
});

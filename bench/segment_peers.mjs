// Sentence segmenters beside alinea that are not C++ libraries: Wikimedia's sentencex (Rust,
// through its Node binding). Scores them on ../shared/bench/seg exactly as segment_bench.cpp
// scores alinea and ICU, and prints rows in the same format.
//
//   node bench/segment_peers.mjs DATA_DIR PEERS_DIR [--failures]
//
// PEERS_DIR holds node_modules (bench/segment.sh installs bench/peers/package.json there).
import { readFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const [dataDir, peersDir, flag] = process.argv.slice(2);
const showFailures = flag === "--failures";
const require = createRequire(join(peersDir, "package.json"));
const sentencex = require("sentencex");

const sets = [
  ["golden_es", "es", true],
  ["golden_fr", "fr", true],
  ["ud_es_gsd_test", "es", false],
  ["ud_fr_gsd_test", "fr", false],
  ["ersatz_es_wmt13", "es", false],
]
  .filter(([name]) => existsSync(join(dataDir, `${name}.jsonl`)))
  .map(([name, lang, golden]) => ({
    name,
    lang,
    golden,
    cases: readFileSync(join(dataDir, `${name}.jsonl`), "utf8")
      .split("\n")
      .filter((line) => line.length > 0)
      .map((line) => JSON.parse(line)),
  }));

// As segment_bench.cpp: ASCII white space trimmed and runs of it folded to one space.
const folded = (text) => text.replace(/^[ \t\n\r]+|[ \t\n\r]+$/g, "").replace(/[ \t\n\r]+/g, " ");
// alinea::is_space: Unicode White_Space, zero-width space and BOM.
const isSpace = (c) => /[\s\u0085\u200B]/u.test(c);
const nonSpaceCount = (text) => [...text].filter((c) => !isSpace(c)).length;
const boundariesOf = (sentences) => {
  const result = new Set();
  let before = 0;
  sentences.forEach((sentence, i) => {
    if (i > 0) result.add(before);
    before += nonSpaceCount(sentence);
  });
  return result;
};

const contenders = [
  {
    name: "sentencex",
    split: (lang, text) => sentencex.segment(lang, text).filter((s) => s.trim().length > 0),
  },
];

const pad = (text, width) => String(text).padEnd(width);
const num = (value, width) => value.toFixed(4).padStart(width);
for (const set of sets) {
  for (const contender of contenders) {
    let exact = 0;
    let truePositive = 0;
    let predicted = 0;
    let expected = 0;
    for (const c of set.cases) {
      const got = contender.split(set.lang, c.text).map(folded);
      const want = c.sentences.map(folded);
      if (got.length === want.length && got.every((s, i) => s === want[i])) {
        exact += 1;
      } else if (showFailures && set.golden) {
        console.log(`FAIL ${contender.name} ${c.id}`);
        got.forEach((s) => console.log(`   got: ${s}`));
        want.forEach((s) => console.log(`  want: ${s}`));
      }
      const wantB = boundariesOf(c.sentences);
      const gotB = boundariesOf(got);
      expected += wantB.size;
      predicted += gotB.size;
      for (const b of gotB) truePositive += wantB.has(b) ? 1 : 0;
    }
    const p = predicted === 0 ? 0 : truePositive / predicted;
    const r = expected === 0 ? 0 : truePositive / expected;
    const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
    const share = `${((100 * exact) / set.cases.length).toFixed(1)}%`;
    console.log(
      `${pad(set.name, 18)} ${pad(contender.name, 16)} ${share.padStart(10)} ${num(p, 10)} ${num(r, 10)} ${num(f1, 10)}`,
    );
  }
}

// Throughput: MB of UTF-8 per second over every set, text in memory, the median of 9 rounds of
// 3 passes (as segment_bench.cpp).
const bytes = sets.reduce(
  (sum, set) => sum + set.cases.reduce((s, c) => s + Buffer.byteLength(c.text, "utf8"), 0),
  0,
);
console.log();
for (const contender of contenders) {
  const rates = [];
  let sink = 0;
  for (let round = 0; round < 9; round += 1) {
    const start = process.hrtime.bigint();
    for (let pass = 0; pass < 3; pass += 1) {
      for (const set of sets) {
        for (const c of set.cases) sink += contender.split(set.lang, c.text).length;
      }
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    rates.push((3 * bytes) / 1e6 / seconds);
  }
  rates.sort((a, b) => a - b);
  if (sink === 0) console.error("");
  console.log(`${pad(contender.name, 16)} ${rates[4].toFixed(2).padStart(12)} MB/s`);
}

#!/usr/bin/env node
// Argus CPU object detector: the CenterNet COCO model that ships in @vladmandic/human, on the tfjs
// wasm backend with one thread, as a sidecar of the collector.
//
// Protocol (JSON lines):
//   stdout, once, first:  {"ready":true,"model":"centernet","human":"3.3.6","tfjs":"4.22.0",...}
//   stdin, per frame:     {"id":7,"jpeg":"<base64 JPEG>"}
//   stdout, per frame:    {"id":7,"objects":[{"label":"person","score":0.83,"box":[x,y,w,h]}],"ms":41}
//                     or  {"id":7,"error":"not a JPEG image: ..."}
// Boxes are relative to the frame (0..1, x/y the top-left corner). Requests are answered in the
// order they arrive (one at a time: the backend is single-threaded), so a client may pipeline.
// A bad request gets an error answer and the sidecar keeps running; it exits when stdin closes.
// Diagnostics go to stderr.
'use strict';

const fs = require('fs');
const http = require('http');
const path = require('path');
const readline = require('readline');

const modules = path.join(__dirname, 'node_modules');
// The package's `exports` map has no "./" entry: require its dist file by absolute path.
const Human = require(path.join(modules, '@vladmandic', 'human', 'dist', 'human.node-wasm.js'));
const jpeg = require(path.join(modules, 'jpeg-js'));
const humanVersion = require(path.join(modules, '@vladmandic', 'human', 'package.json')).version;
const tfjsVersion = require(path.join(modules, '@tensorflow', 'tfjs-core', 'package.json')).version;

const MODEL = 'centernet';
const MODEL_DIR = path.join(modules, '@vladmandic', 'human', 'models');
const MODEL_FILES = new Set([`${MODEL}.json`, `${MODEL}.bin`]);
// Below this the model's own scores are noise; the collector applies its per-type minimums on top.
const MIN_SCORE = Number(process.env.ARGUS_DETECTOR_MIN_SCORE || 0.2);
const MAX_OBJECTS = Number(process.env.ARGUS_DETECTOR_MAX_OBJECTS || 20);
// A decoded frame of more than this many megapixels is refused rather than risking the heap.
const MAX_MEGAPIXELS = 24;

function log(message) {
  process.stderr.write(`detector: ${message}\n`);
}

function write(answer) {
  process.stdout.write(`${JSON.stringify(answer)}\n`);
}

// tfjs fetches models over HTTP even in Node (file:// fetch fails there): serve the two model files
// of the package on loopback, on a free port, for this process only.
function serveModels() {
  const server = http.createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname.slice(1));
    if (req.method !== 'GET' || !MODEL_FILES.has(name)) {
      res.writeHead(404).end();
      return;
    }
    const type = name.endsWith('.json') ? 'application/json' : 'application/octet-stream';
    res.writeHead(200, { 'content-type': type });
    fs.createReadStream(path.join(MODEL_DIR, name)).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

function toTensor(tf, buffer) {
  let image;
  try {
    image = jpeg.decode(buffer, {
      useTArray: true,
      formatAsRGBA: false,
      maxResolutionInMP: MAX_MEGAPIXELS,
      maxMemoryUsageInMB: 512,
    });
  } catch (e) {
    throw new Error(`not a JPEG image: ${e.message || e}`);
  }
  if (!image.width || !image.height) {
    throw new Error('not a JPEG image: no pixels');
  }
  // The wasm backend has no image decoding of its own: the RGB bytes become a [1, h, w, 3] tensor.
  return tf.tensor4d(image.data, [1, image.height, image.width, 3], 'int32');
}

function clamp(value) {
  return Math.min(1, Math.max(0, Math.round(value * 10000) / 10000));
}

function toObject(found) {
  const [x, y, w, h] = found.boxRaw;
  const left = clamp(x);
  const top = clamp(y);
  return {
    label: found.label,
    score: Math.round(found.score * 1000) / 1000,
    box: [left, top, clamp(Math.min(w, 1 - left)), clamp(Math.min(h, 1 - top))],
  };
}

async function detect(human, request) {
  const started = process.hrtime.bigint();
  if (typeof request.jpeg !== 'string' || request.jpeg.length === 0) {
    throw new Error('the request has no "jpeg" (a base64 JPEG)');
  }
  const buffer = Buffer.from(request.jpeg, 'base64');
  const tensor = toTensor(human.tf, buffer);
  try {
    const result = await human.detect(tensor);
    if (result.error) {
      throw new Error(result.error);
    }
    const objects = (result.object || []).map(toObject);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    return { objects, ms: Math.round(ms * 10) / 10 };
  } finally {
    human.tf.dispose(tensor);
  }
}

async function start() {
  const server = await serveModels();
  const human = new Human.Human({
    backend: 'wasm',
    wasmPath: `${path.join(modules, '@tensorflow', 'tfjs-backend-wasm', 'dist')}${path.sep}`,
    modelBasePath: `http://127.0.0.1:${server.address().port}/`,
    debug: false,
    async: false,
    warmup: 'none',
    // Every frame is a fresh question: no result caching between similar inputs.
    cacheSensitivity: 0,
    filter: { enabled: false },
    face: { enabled: false },
    body: { enabled: false },
    hand: { enabled: false },
    gesture: { enabled: false },
    segmentation: { enabled: false },
    object: {
      enabled: true,
      modelPath: `${MODEL}.json`,
      minConfidence: MIN_SCORE,
      maxDetected: MAX_OBJECTS,
      skipFrames: 0,
      skipTime: 0,
    },
  });
  // One thread: the collector decides how many frames run at once, not the backend.
  human.tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  await human.load();
  await human.tf.ready();
  // The models are in memory now; the first real frame should not pay for compilation.
  const blank = human.tf.zeros([1, 64, 64, 3], 'int32');
  await human.detect(blank);
  human.tf.dispose(blank);
  server.close();
  if (human.tf.getBackend() !== 'wasm') {
    throw new Error(`backend is ${human.tf.getBackend()}, not wasm`);
  }
  write({
    ready: true,
    model: MODEL,
    human: humanVersion,
    tfjs: tfjsVersion,
    backend: human.tf.getBackend(),
    threads: 1,
    minScore: MIN_SCORE,
  });
  return human;
}

function serve(human) {
  let queue = Promise.resolve();
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on('line', (line) => {
    if (line.trim() === '') {
      return;
    }
    queue = queue.then(async () => {
      let request;
      try {
        request = JSON.parse(line);
      } catch (e) {
        write({ id: null, error: `not a JSON request: ${e.message}` });
        return;
      }
      const id = request && typeof request === 'object' ? (request.id ?? null) : null;
      try {
        write({ id, ...(await detect(human, request || {})) });
      } catch (e) {
        write({ id, error: String((e && e.message) || e) });
      }
    });
  });
  lines.on('close', () => {
    queue.then(() => process.exit(0));
  });
}

start()
  .then(serve)
  .catch((e) => {
    log(`could not start: ${(e && e.stack) || e}`);
    process.exit(2);
  });

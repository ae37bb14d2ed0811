// Greedy continuation of a prompt (token ids) by llama.cpp, through node-llama-cpp, for
// test_llama_cpp. Usage: node llama_cpp_greedy.mjs MODEL.gguf IDS COUNT
// NODE_LLAMA_DIR names the folder node-llama-cpp was installed into. Prints one JSON line:
// {"tokens": [...]}.
import path from "node:path";
import {pathToFileURL} from "node:url";

const [modelPath, ids, count] = process.argv.slice(2);
const entry = path.join(process.env.NODE_LLAMA_DIR, "node_modules", "node-llama-cpp", "dist", "index.js");
const {getLlama, LlamaLogLevel} = await import(pathToFileURL(entry).href);

const llama = await getLlama({gpu: false, build: "never", logLevel: LlamaLogLevel.error});
const model = await llama.loadModel({modelPath});
// An f32 KV cache, as ours: with llama.cpp's default f16 cache a greedy choice can tip.
const context = await model.createContext({
    contextSize: 128,
    threads: 2,
    experimentalKvCacheKeyType: "F32",
    experimentalKvCacheValueType: "F32",
});
const sequence = context.getSequence();
const prompt = ids.split(",").map(Number);
const tokens = [];
for await (const token of sequence.evaluate(prompt, {temperature: 0})) {
    tokens.push(token);
    if (tokens.length >= Number(count))
        break;
}
console.log(JSON.stringify({tokens}));
await context.dispose();
await model.dispose();
await llama.dispose();

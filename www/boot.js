// Loads the app: the wasm-bindgen module (built by scripts/build-web.sh into pkg/),
// resolved relative to this file so the site works from any sub-path.
import init from "../pkg/delegation_lab.js";

init({ module_or_path: new URL("../pkg/delegation_lab_bg.wasm", import.meta.url) }).then((wasm) => {
  // The module's linear memory, for scripts/bench-scale.mjs to read its size (the engine's
  // documents live there, outside the JS heap).
  globalThis.delegationLabMemory = wasm.memory;
}).catch((error) => {
  const root = document.getElementById("app");
  if (root) {
    root.textContent = "";
    const p = document.createElement("p");
    p.className = "boot boot-error";
    p.textContent = "Delegation Lab could not start: " + error;
    root.append(p);
  }
  console.error(error);
});

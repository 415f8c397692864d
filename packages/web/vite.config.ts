import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react()],
  build: {
    target: "es2022",
    // Source maps stay out of what the node serves; the budget counts only what browsers download.
    sourcemap: false,
    reportCompressedSize: false,
  },
});

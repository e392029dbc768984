// The scoring core's public API. Pure TypeScript: no Office.js, React, DOM or Node.
export * from "./address";
export * from "./cell";
export * from "./csv";
export * from "./dataset";
export * from "./district";
export * from "./framework";
export * from "./issue";
export * from "./layout";
export * from "./lookup";
export * from "./round";
export * from "./score";
export * from "./validate";
export * from "./weight";
export * from "./random";
export * from "./sensitivity";
export * from "./normalise";
export * from "./framework-table";

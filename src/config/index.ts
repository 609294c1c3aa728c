export * from "../core/aws-limits";
export * from "./load";
export * from "./presets";
export * from "./schema";
export * from "./services";
export * from "./project";

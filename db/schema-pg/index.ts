export * from "./org";
export * from "./courses";
export * from "./activity";
export * from "./derived";
export * from "./mastery";

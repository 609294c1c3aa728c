/** Small building blocks the modules share: a customer-managed key, an encrypted log group, a private bucket. */
export * from "./encryption-key";
export * from "./encrypted-log-group";
export * from "./private-bucket";

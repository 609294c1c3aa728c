/**
 * The price table `npm run cost` reads: prices/<region>.json, one entry per price with its unit, the
 * date it was taken and the page it comes from, and the resource types it prices. Only regions with a
 * table are priced; any other region is refused by name rather than guessed.
 */
import * as fs from "fs";
import * as path from "path";
import { z } from "zod";

const entry = z.strictObject({
  price: z.number().min(0),
  unit: z.string().min(1),
  /** When the price was taken from its source (YYYY-MM). */
  date: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/),
  source: z.url({ protocol: /^https$/ }),
  note: z.string().optional(),
  /** The Terraform resource types whose cost this price enters: each must have a rule (rules.ts). */
  resources: z.array(z.string().regex(/^aws_[a-z0-9_]+$/)).min(1),
});

const table = z.strictObject({
  region: z.string(),
  currency: z.literal("USD"),
  hoursPerMonth: z.number().positive(),
  note: z.string(),
  prices: z.record(z.string(), entry),
});

export type PriceEntry = z.infer<typeof entry>;
export type PriceTableData = z.infer<typeof table>;

export const PRICES_DIR = path.join(__dirname, "prices");

/** The regions that have a price table. */
export function pricedRegions(dir = PRICES_DIR): string[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith(".json")).map((f) => f.replace(/\.json$/, "")).sort();
}

export class PriceTable {
  constructor(readonly data: PriceTableData) {}

  /** The price table of `region`; a region without one is an error that says which regions are priced. */
  static forRegion(region: string, dir = PRICES_DIR): PriceTable {
    const regions = pricedRegions(dir);
    if (!regions.includes(region)) {
      throw new Error(
        `No price table for region ${region}: the estimate prices ${regions.join(", ")} only (scripts/cost/prices/<region>.json). ` +
          `Prices differ by region; add a table for ${region} rather than reading another region's.`,
      );
    }
    const parsed = table.safeParse(JSON.parse(fs.readFileSync(path.join(dir, `${region}.json`), "utf8")));
    if (!parsed.success) throw new Error(`${region}.json: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    if (parsed.data.region !== region) throw new Error(`${region}.json says it prices ${parsed.data.region}`);
    return new PriceTable(parsed.data);
  }

  get hoursPerMonth(): number {
    return this.data.hoursPerMonth;
  }

  /** One price by its key; an unknown key is a bug in a rule, reported as such. */
  price(key: string): number {
    const found = this.data.prices[key];
    if (!found) throw new Error(`price ${key} is not in the ${this.data.region} price table`);
    return found.price;
  }

  entry(key: string): PriceEntry {
    this.price(key);
    return this.data.prices[key];
  }
}

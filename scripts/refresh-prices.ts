/**
 * `npm run prices:refresh -- [REGION ...]`: rewrites `pricing/<region>.json`'s instance prices (every
 * EC2 type, RDS class and ElastiCache node type the configuration schema accepts) from the AWS Price
 * List API, and dates the table. Needs AWS credentials allowed `pricing:GetProducts`. Without
 * arguments, the regions that have a table. Exit status: 0 written, 2 a price is missing or input is
 * bad, 3 a bug. The other prices (storage, NAT, EKS, …) are kept: they change rarely, check them by hand.
 */
import * as fs from "fs";
import * as path from "path";
import { GetProductsCommand, PricingClient } from "@aws-sdk/client-pricing";
import { InputError, runCommand } from "../offline/command";
import { PriceTable } from "../offline/cost";
import { PRICE_LIST_QUERIES, PricedKind, pricesFor } from "../offline/price-list";
import { catalogNames, CatalogKind } from "../topology/aws-catalog";

const PRICING_DIR = path.resolve(__dirname, "..", "pricing");
const CATALOG: Readonly<Record<PricedKind, CatalogKind>> = {
    ec2Hourly: "ec2",
    rdsHourly: "rds",
    elasticacheHourly: "cache",
};

async function productDocuments(
    client: PricingClient,
    kind: PricedKind,
    region: string,
): Promise<string[]> {
    const query = PRICE_LIST_QUERIES[kind];
    const filters = [["regionCode", region], ...Object.entries(query.filters)].map(
        ([Field, Value]) => ({ Type: "TERM_MATCH" as const, Field, Value }),
    );
    const documents: string[] = [];
    let NextToken: string | undefined;
    do {
        const page = await client.send(
            new GetProductsCommand({
                ServiceCode: query.serviceCode,
                Filters: filters,
                MaxResults: 100,
                NextToken,
            }),
        );
        documents.push(...(page.PriceList ?? []).map(String));
        NextToken = page.NextToken;
    } while (NextToken);
    return documents;
}

async function main(argv: readonly string[]): Promise<number> {
    const regions =
        argv.length > 0
            ? argv
            : fs
                  .readdirSync(PRICING_DIR)
                  .filter((f) => f.endsWith(".json"))
                  .map((f) => f.slice(0, -5));
    // The Price List API answers from us-east-1 (also eu-central-1, ap-south-1) for every region.
    const client = new PricingClient({ region: "us-east-1" });
    for (const region of regions) {
        const file = path.join(PRICING_DIR, `${region}.json`);
        if (!fs.existsSync(file))
            throw new InputError(`no price table ${file}: copy one and set its region first`);
        const table = JSON.parse(fs.readFileSync(file, "utf8")) as PriceTable &
            Record<string, unknown>;
        const missing: string[] = [];
        for (const kind of Object.keys(PRICE_LIST_QUERIES) as PricedKind[]) {
            const result = pricesFor(
                await productDocuments(client, kind, region),
                catalogNames(CATALOG[kind]),
            );
            (table as Record<string, unknown>)[kind] = result.prices;
            missing.push(...result.missing);
        }
        if (missing.length > 0)
            throw new InputError(
                `${region}: the Price List API has no on-demand price for ${missing.join(", ")}; remove them from topology/aws-catalog.ts or wait for AWS`,
            );
        fs.writeFileSync(
            file,
            `${JSON.stringify({ ...table, asOf: new Date().toISOString().slice(0, 10), method: "AWS Price List API (pricing:GetProducts), npm run prices:refresh" }, null, 2)}\n`,
        );
        console.log(
            `${file}: ${catalogNames("ec2").length + catalogNames("rds").length + catalogNames("cache").length} instance prices written`,
        );
    }
    return 0;
}

runCommand({ usage: "usage: npm run prices:refresh -- [REGION ...]", main });

/**
 * Reading the AWS Price List API (`pricing:GetProducts`) into the price table's entries. Pure: the
 * API's product documents (JSON strings) in, instance name → on-demand USD per hour out; the
 * refresh command (scripts/refresh-prices.ts) does the calls.
 */

/** The GetProducts filters that select one on-demand hourly price per instance name, by service. */
export const PRICE_LIST_QUERIES = {
    // locationType excludes Local Zones and Wavelength, which share the region code.
    ec2Hourly: {
        serviceCode: "AmazonEC2",
        filters: {
            locationType: "AWS Region",
            operatingSystem: "Linux",
            tenancy: "Shared",
            preInstalledSw: "NA",
            capacitystatus: "Used",
            licenseModel: "No License required",
            marketoption: "OnDemand",
        },
    },
    rdsHourly: {
        serviceCode: "AmazonRDS",
        filters: {
            locationType: "AWS Region",
            databaseEngine: "PostgreSQL",
            deploymentOption: "Single-AZ",
        },
    },
    elasticacheHourly: {
        serviceCode: "AmazonElastiCache",
        filters: { locationType: "AWS Region", cacheEngine: "Redis" },
    },
} as const;

export type PricedKind = keyof typeof PRICE_LIST_QUERIES;

interface PriceListProduct {
    product?: { attributes?: { instanceType?: string; regionCode?: string } };
    terms?: {
        OnDemand?: Record<
            string,
            { priceDimensions?: Record<string, { unit?: string; pricePerUnit?: { USD?: string } }> }
        >;
    };
}

/** One product document → its instance name and hourly on-demand USD, or undefined when it has none. */
export function onDemandHourly(
    document: string,
): { readonly name: string; readonly usd: number } | undefined {
    const product = JSON.parse(document) as PriceListProduct;
    const name = product.product?.attributes?.instanceType;
    if (!name) return undefined;
    for (const term of Object.values(product.terms?.OnDemand ?? {})) {
        for (const dimension of Object.values(term.priceDimensions ?? {})) {
            const usd = Number(dimension.pricePerUnit?.USD);
            if (/^(Hrs|Hours?)$/i.test(dimension.unit ?? "") && Number.isFinite(usd) && usd > 0)
                return { name, usd };
        }
    }
    return undefined;
}

/** Entries for the wanted names from many documents; the names without a price are returned apart. */
export function pricesFor(
    documents: readonly string[],
    wanted: readonly string[],
): { readonly prices: Record<string, number>; readonly missing: string[] } {
    const found = new Map<string, number>();
    for (const document of documents) {
        const entry = onDemandHourly(document);
        if (entry && wanted.includes(entry.name) && !found.has(entry.name))
            found.set(entry.name, entry.usd);
    }
    return {
        prices: Object.fromEntries(
            wanted.filter((n) => found.has(n)).map((n) => [n, found.get(n)!]),
        ),
        missing: wanted.filter((n) => !found.has(n)),
    };
}

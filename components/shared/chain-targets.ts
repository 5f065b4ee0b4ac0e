/** The paths dchat's health server answers on its health port: alive, and ready to serve. */
export const DCHAT_HEALTH_PATHS = { live: "/health", ready: "/ready" } as const;

/** A headless Service whose pods Prometheus scrapes, and the port of their metrics. */
export interface ScrapedService {
    readonly name: string;
    readonly metricsPort: number;
}

/**
 * What monitoring needs to know of the chain's nodes, handed out by the ChainNetwork (the one owner of
 * its Services' names): where to find them and how many validators the quorum counts.
 */
export interface ChainScrapeTargets {
    /** Namespace of the nodes and their headless Services. */
    readonly namespace: string;
    /** Validators in the network: the quorum alert counts against them. */
    readonly validators: number;
    /** The headless Service over every validator. */
    readonly validatorsService: ScrapedService;
    /** The relays' governing headless Service. */
    readonly relaysService: ScrapedService;
}

/**
 * The platform's Kubernetes namespaces, named once: each component declares its own, and what watches
 * another's (alert rules on the backup jobs, the chain's scrape targets) reads the name here.
 */
export const NAMESPACES = {
    chain: "chain",
    monitoring: "monitoring",
    backups: "backups",
    databaseUsers: "database-users",
} as const;

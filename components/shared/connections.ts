/**
 * What the data stores hand their clients, one type each (a producer's bundle, as pulumi-eks hands
 * node groups the cluster's `core`): a client never re-derives a host, a port or a database name.
 */
import type * as pulumi from "@pulumi/pulumi";

/** PostgreSQL as the Postgres component hands it out. */
export interface PostgresConnection {
    /** The primary's host name (no port). */
    readonly host: pulumi.Input<string>;
    /** Each read replica's host name, in replica order. */
    readonly replicaHosts: readonly pulumi.Input<string>[];
    /** The port every instance listens on. */
    readonly port: number;
    /** The database name. */
    readonly database: string;
    /** PEM roots that verify the instances' certificates, for `sslmode=verify-full`. */
    readonly caBundle: string;
    /** The RDS-managed master secret ({"username", "password"}). */
    readonly masterSecretArn: pulumi.Input<string>;
    /** A client image (psql, pg_dump) of the engine's major version. */
    readonly clientImage: string;
}

/** Redis as the Redis component hands it out (TLS and AUTH always on). */
export interface RedisConnection {
    /** The primary endpoint's host name (no port). */
    readonly host: pulumi.Input<string>;
    /** The port. */
    readonly port: number;
    /** The AUTH token's secret. */
    readonly authTokenSecretArn: pulumi.Input<string>;
}

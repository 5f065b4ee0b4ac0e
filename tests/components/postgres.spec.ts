/**
 * The Postgres component in-process, for branches the two stacks never take: a rule it breaks is a
 * ResourceError naming the component, not a bare exception.
 */
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { Postgres, PostgresArgs } from "../../components/postgres";
import { useMocks } from "../support/mocks";

const ARGS: PostgresArgs = {
    engineVersion: "17",
    instanceClass: "db.t4g.large",
    allocatedStorageGb: 100,
    readReplicas: 1,
    zones: ["us-east-1a", "us-east-1b"],
    subnetIds: ["subnet-a", "subnet-b"],
    securityGroupId: "sg-1",
    port: 5432,
    dataKeyArn: "arn:aws:kms:us-east-1:123456789012:key/data",
    secretsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/secrets",
    namePrefix: "chain-platform-unit",
    accountId: "123456789012",
    region: "us-east-1",
};

function refusal(args: Partial<PostgresArgs>): pulumi.ResourceError {
    try {
        new Postgres("postgres", { ...ARGS, ...args });
    } catch (error) {
        assert.ok(error instanceof pulumi.ResourceError, `not a ResourceError: ${String(error)}`);
        return error;
    }
    assert.fail("the component accepted it");
}

describe("Postgres component (in-process)", () => {
    before(() => useMocks());

    it("declares with valid arguments and hands consumers its connection", () => {
        const postgres = new Postgres("postgres-ok", ARGS);
        assert.strictEqual(postgres.connection.database, "platform");
        assert.strictEqual(postgres.connection.clientImage, "postgres:17-alpine");
        assert.match(postgres.connection.caBundle, /BEGIN CERTIFICATE/);
    });
    it("refuses an engine major the stack does not support, as a ResourceError", () => {
        assert.match(
            refusal({ engineVersion: "12" }).message,
            /not a PostgreSQL engine version of a supported major \(14–19\): 12/,
        );
    });
    it("refuses a region without an RDS root in the pinned bundle", () => {
        assert.match(
            refusal({ region: "xx-nowhere-1" }).message,
            /no valid root "Amazon RDS xx-nowhere-1 Root CA RSA2048 G1"/,
        );
    });
    it("refuses more replicas than zones other than the primary's", () => {
        assert.match(refusal({ readReplicas: 2 }).message, /2 replicas need 3 zones/);
    });
});

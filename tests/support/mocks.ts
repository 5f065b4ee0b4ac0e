/**
 * Pulumi's mocks for in-process component tests, set once per mocha process (a second setMocks would
 * reset the runtime under tests of other files): the same mocks the offline plan uses.
 */
import * as pulumi from "@pulumi/pulumi";
import { PlanMocks } from "../../offline/mock-values";

let ready: Promise<void> | undefined;

export function useMocks(): Promise<void> {
    ready ??= pulumi.runtime.setMocks(new PlanMocks("us-east-1"), "chain-platform", "unit", false);
    return ready;
}

/**
 * Pulumi's mocks for in-process component tests, set once per mocha process (a second setMocks would
 * reset the runtime under tests of other files): the same mocks the offline plan uses, recording what
 * each resource was declared with.
 */
import * as pulumi from "@pulumi/pulumi";
import { PlanMocks } from "../../offline/mock-values";

/** A resource as the mocks saw it declared. */
export interface Declared {
    readonly type: string;
    readonly name: string;
    readonly inputs: Record<string, unknown>;
}

const declared: Declared[] = [];

class RecordingMocks extends PlanMocks {
    override newResource(args: pulumi.runtime.MockResourceArgs) {
        declared.push({
            type: args.type,
            name: args.name,
            inputs: args.inputs as Record<string, unknown>,
        });
        return super.newResource(args);
    }
}

let ready: Promise<void> | undefined;

export function useMocks(): Promise<void> {
    ready ??= pulumi.runtime.setMocks(
        new RecordingMocks("us-east-1"),
        "chain-platform",
        "unit",
        false,
    );
    return ready;
}

/**
 * The resources declared so far whose logical name starts with `prefix`, once registration has
 * settled (the mocks answer asynchronously; a component's children arrive over several turns).
 */
export async function declaredUnder(prefix: string): Promise<Declared[]> {
    let seen = -1;
    while (seen !== declared.length) {
        seen = declared.length;
        await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return declared.filter((d) => d.name.startsWith(prefix));
}

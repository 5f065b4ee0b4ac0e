/**
 * The flows the system needs, between security groups, from the port map: each listener's sources,
 * and each group's outbound internet access. The policy pack keeps its own copy
 * (policies/data/needed-flows.ts) and a test holds the two equal, so a change to the port map shows
 * up as a change to the pack's allow-list in review. Pure.
 */
import { Listener, OUTBOUND_INTERNET, SECURITY_GROUP_OF, SecurityGroupRole } from "./ports";

export interface NeededFlow {
    readonly from: SecurityGroupRole | "internet";
    readonly to: SecurityGroupRole | "internet";
    readonly protocol: string;
    readonly port: number;
    readonly why: string;
}

export function neededFlows(listeners: readonly Listener[]): NeededFlow[] {
    const flows = new Map<string, NeededFlow>();
    const add = (flow: NeededFlow) => {
        const key = `${flow.from}>${flow.to}:${flow.protocol}:${flow.port}`;
        const known = flows.get(key);
        flows.set(
            key,
            known
                ? {
                      ...known,
                      why: known.why.includes(flow.why) ? known.why : `${known.why}; ${flow.why}`,
                  }
                : flow,
        );
    };
    for (const listener of listeners) {
        for (const source of listener.from) {
            const from =
                source === "internet"
                    ? "internet"
                    : source === "operators"
                      ? "wireguardHub"
                      : SECURITY_GROUP_OF[source];
            add({
                from,
                to: SECURITY_GROUP_OF[listener.role],
                protocol: listener.protocol,
                port: listener.port,
                why: `${listener.role} ${listener.name} from ${source}`,
            });
        }
    }
    for (const [group, ports] of Object.entries(OUTBOUND_INTERNET) as [
        SecurityGroupRole,
        (typeof OUTBOUND_INTERNET)[SecurityGroupRole],
    ][]) {
        for (const { port, protocol } of ports)
            add({
                from: group,
                to: "internet",
                protocol,
                port,
                why: `${group} to the internet through NAT`,
            });
    }
    return [...flows.values()].sort((a, b) =>
        `${a.from}>${a.to}:${a.protocol}:${String(a.port).padStart(5, "0")}`.localeCompare(
            `${b.from}>${b.to}:${b.protocol}:${String(b.port).padStart(5, "0")}`,
        ),
    );
}

/**
 * Entry point of the CrossGuard pack: `pulumi preview --policy-pack policies`.
 * Every policy is mandatory unless the pack's configuration says otherwise.
 */
import { PolicyPack } from "@pulumi/policy";
import { PACK_ENFORCEMENT, PACK_NAME, POLICIES } from "./pack";

new PolicyPack(PACK_NAME, {
    description:
        "Ports, encryption, hardening, secrets, tags and fault domains of the chain platform",
    enforcementLevel: PACK_ENFORCEMENT,
    policies: POLICIES,
});

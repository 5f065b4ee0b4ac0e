/**
 * A content digest of a Docker build context: the same files give the same digest, any change gives
 * another. The image tag derives from it, so an immutable ECR repository never receives one tag for
 * two different builds, and an unchanged checkout never rebuilds under a new tag.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";

/** Directories that never reach the image build and churn on their own. */
const SKIPPED = new Set([".git", "target", "node_modules"]);

/** Every file of the context below `dir`, relative, sorted, without `SKIPPED` directories. */
function filesOf(dir: string, relative = ""): string[] {
    return fs
        .readdirSync(path.join(dir, relative), { withFileTypes: true })
        .filter((entry) => !SKIPPED.has(entry.name))
        .flatMap((entry) => {
            const child = relative ? `${relative}/${entry.name}` : entry.name;
            if (entry.isDirectory()) return filesOf(dir, child);
            return entry.isFile() ? [child] : [];
        })
        .sort();
}

/** SHA-256 over each file's path and content; throws when `dir` is not a directory with a Dockerfile. */
export function contextDigest(dir: string): string {
    if (!fs.existsSync(path.join(dir, "Dockerfile"))) {
        throw new Error(
            `${dir} has no Dockerfile: point it at a checkout of the chain's repository`,
        );
    }
    const hash = createHash("sha256");
    for (const file of filesOf(dir)) {
        hash.update(`${file}\0`)
            .update(fs.readFileSync(path.join(dir, file)))
            .update("\0");
    }
    return hash.digest("hex");
}

/** The image tag of a context digest: short enough to read, long enough never to collide in practice. */
export function contentTag(digest: string): string {
    return `src-${digest.slice(0, 20)}`;
}

/// One digest of a whole artwork plan: every planned file's name and everything that decides its
/// bytes (each plan's `cacheMaterial` and formats, and the engine's identity, as in the cache
/// keys). Two plans with the same digest make the same `artwork/` folder, file for file, so a
/// staging folder sealed with this digest (`StagingSeals.Artwork`) already holds the build's
/// artwork. Hashed in parallel chunks of a fixed size, so the digest depends only on the plans.
enum ArtworkPlanDigest {
    static let chunk = 2_048

    static func of(_ plans: [ArtworkPlan], engine: ArtworkEngine) async -> SHA256.Digest {
        let count = plans.count
        let chunks = (count + chunk - 1) / chunk
        let digests = await ParallelMap.map(count: chunks, chunk: 1) { index in
            var hasher = SHA256()
            var scratch: [UInt8] = []
            for plan in plans[index * chunk..<min(count, (index + 1) * chunk)] {
                scratch.removeAll(keepingCapacity: true)
                let material = plan.cacheMaterial
                append(plan.codeID.value.utf8.count, to: &scratch)
                scratch += plan.codeID.value.utf8
                append(material.count, to: &scratch)
                scratch += material
                append(plan.formats.count, to: &scratch)
                for format in plan.formats {
                    append(format.rawValue.utf8.count, to: &scratch)
                    scratch += format.rawValue.utf8
                }
                hasher.update(scratch)
            }
            return hasher.finalize()
        }
        var hasher = engine.keyPrefix
        hasher.update("artwork plan \(count)\n")
        for digest in digests { hasher.update(digest.bytes) }
        return hasher.finalize()
    }

    private static func append(_ value: Int, to bytes: inout [UInt8]) {
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: UInt64(value) >> UInt64(shift))) }
    }
}

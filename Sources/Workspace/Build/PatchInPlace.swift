/// An `ArtworkPatch` about to be applied to the staging folder, under the build lock: the
/// folder is still sealed holding the patch's base plan, and every file the patch removes or
/// replaces is found in its manifest's artwork entries (`ListedArtworkEntries`). Nil otherwise:
/// the build then joins and stages the whole plan.
struct PatchInPlace: Sendable {
    var patch: ArtworkPatch
    /// What the folder's seal says of its artwork.
    var base: StagingSeals.Artwork
    var listing: ListedArtworkEntries
    /// The entries of the files removed or replaced, in name order.
    var removed: [ListedArtworkEntries.Entry]
    /// Where each made file's entry goes, by name.
    var insertionPoints: [String: Int]

    init?(_ patch: ArtworkPatch, in staging: StagingFolder, seals: [StagingRecord.Seal: StagingSeals.Artwork?]) {
        guard let (base, manifest) = BuildPipeline.sealedArtwork(in: staging, seals: seals), base.planDigest == patch.base, base.files > 0
        else { return nil }
        let listing = ListedArtworkEntries(manifest: manifest, region: base.entries)
        var points: [String: Int] = [:]
        do throws(ListedArtworkEntries.Malformed) {
            var entries: [ListedArtworkEntries.Entry] = []
            entries.reserveCapacity(patch.removed.count)
            for name in patch.removed { entries.append(try listing.entry(named: name)) }
            removed = entries
            for plan in patch.plans {
                for format in plan.formats {
                    let name = plan.codeID.value + "." + format.fileExtension
                    points[name] = try listing.insertionPoint(of: name)
                }
            }
        } catch {
            return nil
        }
        guard removed.count <= base.files else { return nil }
        self.patch = patch
        self.base = base
        self.listing = listing
        insertionPoints = points
    }

    /// What the artwork stage is told the folder holds: the files it may replace or remove.
    var record: StagingRecord {
        var artwork: [String: StagingRecord.Listed] = [:]
        for entry in removed { artwork[String(decoding: entry.name, as: UTF8.self)] = entry.listed }
        return StagingRecord(artwork: artwork)
    }

    /// The patched list of entries once the artwork stage placed `made` (every planned file of
    /// the patch), and how many there are.
    func entries(adding made: [ArtworkStage.File]) -> (pieces: [ListedArtworkEntries.Piece], count: Int) {
        let prefix = ArtworkStage.folder + "/"
        var inserted: [(name: String, at: Int, bytes: [UInt8])] = []
        inserted.reserveCapacity(made.count)
        for file in made {
            let name = String(file.path.dropFirst(prefix.count))
            let at = insertionPoints[name] ?? listing.region.upperBound
            inserted.append((name, at, ListedArtworkEntries.newEntry(name: name, size: file.size, digest: file.digest)))
        }
        inserted.sort { ByteOrder.precedes($0.name, $1.name) }
        let pieces = listing.pieces(removing: removed, inserting: inserted.map { ($0.at, $0.bytes) })
        return (pieces, base.files - removed.count + made.count)
    }
}

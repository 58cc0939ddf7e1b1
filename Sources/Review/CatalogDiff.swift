import Catalog
import Rules

/// What a pull request changes, code by code: codes are matched between the base and the pull
/// request by `id`; a code whose fields are all the same is not a change, wherever its file
/// moved. Pure.
public enum CatalogDiff {
    /// The changed codes, classified, in report order. Codes of the base that were in
    /// `incompleteHeadFiles` (files of the pull request that could not be read or decoded) are
    /// not reported as deleted: the reading error is what needs fixing.
    public static func compare(base: Catalog, head: Catalog, incompleteHeadFiles: Set<String> = [],
                               classifier: RiskClassifier = RiskClassifier()) -> [CodeChange] {
        let baseByID = firstByID(base.codes)
        let headByID = firstByID(head.codes)
        let defaultDomainChanged = base.policies.defaultDomain?.value != head.policies.defaultDomain?.value
        var changes: [CodeChange] = []
        for code in head.codes where headByID[code.id.value] === code {
            guard let before = baseByID[code.id.value] else {
                let fields = FieldChange.between([], CodeFields.values(of: code, policies: head.policies))
                changes.append(finish(CodeChange(id: code.id.value, kind: .added, base: nil, head: .init(code), fields: fields),
                                      base: nil, head: code, catalogs: (base, head), classifier: classifier))
                continue
            }
            if before === code, !defaultDomainChanged || code.domain != nil { continue }
            let fields = FieldChange.between(CodeFields.values(of: before, policies: base.policies),
                                             CodeFields.values(of: code, policies: head.policies))
            guard !fields.isEmpty else { continue }
            changes.append(finish(CodeChange(id: code.id.value, kind: .modified, base: .init(before), head: .init(code), fields: fields),
                                  base: before, head: code, catalogs: (base, head), classifier: classifier))
        }
        for code in base.codes where baseByID[code.id.value] === code && headByID[code.id.value] == nil {
            guard !incompleteHeadFiles.contains(code.file) else { continue }
            let fields = FieldChange.between(CodeFields.values(of: code, policies: base.policies), [])
            changes.append(finish(CodeChange(id: code.id.value, kind: .deleted, base: .init(code), head: nil, fields: fields),
                                  base: code, head: nil, catalogs: (base, head), classifier: classifier))
        }
        return changes.sorted(by: CodeChange.reportOrder)
    }

    private static func finish(_ change: CodeChange, base: Code?, head: Code?, catalogs: (base: Catalog, head: Catalog),
                               classifier: RiskClassifier) -> CodeChange {
        var change = change
        switch change.kind {
        case .added: change.categories = [.added]
        case .deleted: change.categories = [.deleted]
        case .modified:
            // `change-reason` explains the other changes; alone, it is metadata.
            let explained = change.fields.filter { $0.key != "change-reason" }
            let categories = Set(explained.map { ChangeCategory.of($0, before: base?.status.value, after: head?.status.value) })
            change.categories = categories.isEmpty ? [.metadata] : categories.sorted()
        }
        return classifier.classify(change, base: base, head: head, basePolicies: catalogs.base.policies, headPolicies: catalogs.head.policies)
    }

    private static func firstByID(_ codes: [Code]) -> [String: Code] {
        var byID: [String: Code] = [:]
        byID.reserveCapacity(codes.count)
        for code in codes where byID[code.id.value] == nil { byID[code.id.value] = code }
        return byID
    }
}

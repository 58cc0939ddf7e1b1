import Diagnostics

extension Code {
    /// A code with only what the whole-catalog checks read (`IdentityChecks`, `slug-confusable`,
    /// and the rule engine's severities and `ignore:` suppressions for their findings): where it
    /// is, its id, slug, status, domain, use, compliance category and suppressions. A file whose
    /// findings come from the check cache contributes codes like this; nothing else may read them.
    public static func identity(
        location: SourceLocation, id: Located<String>, slug: Located<String>, status: Located<CodeStatus>,
        domain: Located<String>?, use: Located<String>?, compliance: Located<String>?, ignore: [IgnoreEntry]
    ) -> Code {
        let code = Code(location: location, id: id, slug: slug, status: status)
        code.domain = domain
        code.use = use
        code.compliance = compliance
        code.ignore = ignore
        return code
    }
}

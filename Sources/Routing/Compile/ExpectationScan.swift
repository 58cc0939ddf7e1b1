import Catalog

extension ScanRequest {
    /// The scan an `expect:` entry describes, on the code's own short URL; `at` defaults to `now`.
    public init(expectation: Expectation, code: TableCode, domain: TableDomain, now: Instant) {
        let when = expectation.when
        self.init(host: domain.host, path: "/" + code.slug, query: when.query?.value, at: (when.at?.value ?? now).seconds)
        userAgent = when.userAgent?.value
        acceptLanguage = when.acceptLanguage?.value
        country = when.country?.value
        client = when.client?.value
        device = when.device?.value
        language = when.language?.value
    }
}

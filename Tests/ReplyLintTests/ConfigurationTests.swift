// replylint.yml: levels, options, channel overrides and custom channels, and clear errors for mistakes.

import ReplyLint
import Testing

@Suite struct ConfigurationTests {
    func parse(_ text: String) throws -> Configuration {
        try Configuration.parse(text, file: "replylint.yml", rules: RuleRegistry.descriptions)
    }

    func error(_ text: String) -> String? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return (error as? ConfigurationError)?.description ?? "\(error)"
        }
    }

    @Test func emptyFileIsTheDefaults() throws {
        let configuration = try parse("")
        #expect(configuration.replyPaths == ["replies"])
        #expect(configuration.channels["x-reply"]?.limit == 280)
        #expect(configuration.channels.count == Channel.builtIn.count)
    }

    @Test func levelsOptionsPathsAndAccounts() throws {
        let configuration = try parse("""
            paths: {replies: saved, policies: [docs/policies, legal]}
            locale: en-GB
            team: {name: Riverton City Services}
            accounts: {x: "1234", facebook: rivertoncity}
            rules:
              media-alt-text: error
              faq-unknown: off
              policy-section-missing: {severity: warning, require-public-records: true}
            """)
        #expect(configuration.replyPaths == ["saved"])
        #expect(configuration.policyPaths == ["docs/policies", "legal"])
        #expect(configuration.locale == "en-GB")
        #expect(configuration.teamName == "Riverton City Services")
        #expect(configuration.accounts == ["x": "1234", "facebook": "rivertoncity"])
        #expect(configuration.ruleLevels["media-alt-text"] == .on(.error))
        #expect(configuration.ruleLevels["faq-unknown"] == .off)
        #expect(configuration.ruleLevels["policy-section-missing"] == .on(.warning))
        #expect(configuration.option("require-public-records", of: PolicySectionMissingRule.description) == .bool(true))
    }

    @Test func channelOverridesAndCustomChannels() throws {
        let configuration = try parse("""
            channels:
              x-reply: {limit: 25000}
              forum: {platform: City forum, visibility: public, limit: 5000, unit: characters}
            """)
        #expect(configuration.channels["x-reply"]?.limit == 25_000)
        #expect(configuration.channels["x-reply"]?.unit == .weighted)
        #expect(configuration.channels["forum"]?.visibility == .public)
    }

    @Test func mistakesNameTheKeyAndLine() {
        #expect(error("rules:\n  faq-unknwn: off\n") == "replylint.yml:2:3: unknown rule 'faq-unknwn' (did you mean 'faq-unknown'?); `replylint rules` lists them")
        #expect(error("rules:\n  faq-unknown: loud\n") == "replylint.yml:2:16: rule 'faq-unknown' takes off, info, warning or error, not 'loud'")
        #expect(error("rules:\n  policy-section-missing: {require-public-record: true}\n")?.contains("has no option 'require-public-record' (did you mean 'require-public-records'?)") == true)
        #expect(error("rules:\n  policy-section-missing: {require-public-records: maybe}\n") == "replylint.yml:2:52: 'rules.policy-section-missing.require-public-records' takes true or false")
        #expect(error("channels:\n  forum: {limit: 10}\n")?.contains("custom channel 'forum' needs 'visibility: public' or 'visibility: private'") == true)
        #expect(error("channels:\n  x-reply: {limit: -3}\n")?.hasPrefix("replylint.yml:2:20: 'channels.x-reply.limit' takes a positive whole number") == true)
        #expect(error("rules: [a\n")?.hasPrefix("replylint.yml:2:1: YAML does not parse") == true)
        #expect(error("- just a list\n")?.contains("expected a mapping of settings") == true)
    }
}

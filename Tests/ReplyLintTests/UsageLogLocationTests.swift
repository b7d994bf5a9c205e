// Where the usage log is: replylint.yml's usage.log or REPLYLINT_USAGE_LOG, a file or a postgres:// URL,
// and a password that never shows.

import Foundation
import ReplyLint
import Testing

@Suite struct UsageLogLocationTests {
    @Test func postgresURLsAreReadAsLibpqReadsThem() throws {
        let url = try PostgresURL(parsing: "postgresql://care%40team:p%40ss:w0rd@db.internal:6432/replylint?sslmode=require")
        #expect(url.user == "care@team")
        #expect(url.password == "p@ss:w0rd")
        #expect(url.host == "db.internal")
        #expect(url.port == 6432)
        #expect(url.database == "replylint")
        #expect(url.sslMode == .require)

        let plain = try PostgresURL(parsing: "postgres://replylint@127.0.0.1/usage")
        #expect(plain.password == nil)
        #expect(plain.port == 5432)
        #expect(plain.sslMode == .prefer, "libpq's default")
        #expect(try PostgresURL(parsing: "postgres://u:p@[::1]:5433/db").host == "::1")
        #expect(try PostgresURL(parsing: "postgres://u:p@[::1]:5433/db").description == "postgres://u:***@[::1]:5433/db")
    }

    @Test func theDescriptionNeverHoldsThePassword() throws {
        let url = try PostgresURL(parsing: "postgres://replylint:Sup3r-Secret@db:5432/usage?sslmode=disable")
        #expect(url.description == "postgres://replylint:***@db:5432/usage?sslmode=disable")
        #expect(UsageLogLocation.postgres(url).description == url.description)
        #expect(url.redacting("FATAL: password Sup3r-Secret rejected") == "FATAL: password *** rejected")
    }

    @Test("a bad URL is refused with a message that does not repeat its password", arguments: [
        ("postgres://replylint:Sup3r-Secret@db:70000/usage", "port"),
        ("postgres://replylint:Sup3r-Secret@db/usage?sslmode=always", "sslmode=always"),
        ("postgres://replylint:Sup3r-Secret@db/usage?connect_timeout=3", "'connect_timeout'"),
        ("postgres://replylint:Sup3r-Secret@db", "database name"),
        ("postgres://db/usage", "needs a user"),
        ("postgres://replylint:Sup3r%zzSecret@db/usage", "%-escape"),
    ])
    func badURLs(text: String, expected: String) {
        #expect {
            try UsageLogLocation.resolve(setting: nil, environment: text, root: "/library")
        } throws: { error in
            let message = (error as? UsageLogError)?.message ?? ""
            return message.contains(expected) && !message.contains("Sup3r") && message.hasPrefix("REPLYLINT_USAGE_LOG: ")
        }
    }

    @Test func theEnvironmentWinsOverTheConfigFile() throws {
        #expect(try UsageLogLocation.resolve(setting: ".replylint/usage.sqlite", environment: nil, root: "/library") == .sqlite(path: "/library/.replylint/usage.sqlite"))
        #expect(try UsageLogLocation.resolve(setting: "/var/lib/usage.sqlite", environment: nil, root: "/library") == .sqlite(path: "/var/lib/usage.sqlite"))
        #expect(try UsageLogLocation.resolve(setting: nil, environment: nil, root: "/library") == .off)
        // The environment wins, for a file as for a URL, and can switch a configured log off.
        #expect(try UsageLogLocation.resolve(setting: ".replylint/usage.sqlite", environment: "ops/usage.sqlite", root: "/library") == .sqlite(path: "/library/ops/usage.sqlite"))
        #expect(try UsageLogLocation.resolve(setting: nil, environment: "postgres://u@h/db", root: "/library") == .postgres(PostgresURL(user: "u", host: "h", database: "db")))
        #expect(try UsageLogLocation.resolve(setting: "postgres://u@h/db", environment: "off", root: "/library") == .off)
        // Set but empty is a mistake, not "off" and not "use the config".
        #expect(throws: UsageLogError.self) { try UsageLogLocation.resolve(setting: nil, environment: " ", root: "/library") }
        #expect(throws: UsageLogError.self) { try UsageLogLocation.resolve(setting: "mysql://u@h/db", environment: nil, root: "/library") }
    }

    @Test func replylintYmlChecksTheURLAndTheBuffer() throws {
        let good = try Configuration.parse("usage:\n  log: postgres://care:pw@db/usage\n  buffer: 500\n", file: "replylint.yml", rules: RuleRegistry.descriptions)
        #expect(good.usageLog == "postgres://care:pw@db/usage")
        #expect(good.usageBuffer == 500)
        #expect(try Configuration.parse("paths: {replies: replies}\n", file: "replylint.yml", rules: RuleRegistry.descriptions).usageBuffer == 100_000)

        #expect {
            try Configuration.parse("usage:\n  log: postgres://care:Sup3r-Secret@db/usage?sslmode=yes\n", file: "replylint.yml", rules: RuleRegistry.descriptions)
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("replylint.yml:2:") && text.contains("sslmode=yes") && !text.contains("Sup3r")
        }
        #expect {
            try Configuration.parse("usage:\n  buffer: 0\n", file: "replylint.yml", rules: RuleRegistry.descriptions)
        } throws: { error in "\(error)".hasPrefix("replylint.yml:2:") && "\(error)".contains("usage.buffer") }
        #expect {
            try Configuration.parse("usage:\n  bufer: 10\n", file: "replylint.yml", rules: RuleRegistry.descriptions)
        } throws: { error in "\(error)".contains("did you mean 'buffer'") }
    }
}

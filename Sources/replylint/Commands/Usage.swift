// `replylint usage`: the most and least used replies, from the usage log.

import ArgumentParser
import ReplyLint

extension ReplyLintCommand {
    struct Usage: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the most and least used replies from the usage log.")

        @OptionGroup var library: LibraryOptions

        func run() throws {
            throw LoadError("usage is not built yet")
        }
    }
}

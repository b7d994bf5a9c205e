// Options every command that reads a library shares: which config file, and where the library is.

import ArgumentParser
import Foundation
import ReplyLint

struct LibraryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Config file (default: ./replylint.yml when present).", valueName: "FILE"))
    var config: String?

    var workingDirectory: String { FileManager.default.currentDirectoryPath }

    func loadConfiguration() throws -> Configuration {
        try LibraryLoader.loadConfiguration(
            root: workingDirectory, explicitFile: config, displayBase: workingDirectory, rules: RuleRegistry.descriptions)
    }

    func loader() throws -> LibraryLoader {
        LibraryLoader(
            root: workingDirectory, displayBase: workingDirectory, configuration: try loadConfiguration(),
            knownRules: RuleRegistry.ids)
    }
}

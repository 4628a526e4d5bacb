// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <vector>

namespace etlab {

/// SQLite application_id marking an etlab database ("ETLB").
constexpr int kEtlabApplicationId = 0x45544C42;

/// Statements that bring a database from schema version i to i + 1 (index i). Version 0 is an empty file.
const std::vector<std::vector<std::string>>& schema_migrations();

}  // namespace etlab

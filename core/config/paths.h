// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace etlab {

/// `$XDG_DATA_HOME/etlab/etlab.db`, with XDG_DATA_HOME defaulting to ~/.local/share.
std::string default_db_path();

/// Where the pinned data packages are unpacked: `$ETLAB_DATA_DIR`, else `$XDG_CACHE_HOME/etlab/data`
/// (XDG_CACHE_HOME defaulting to ~/.cache).
std::string default_data_dir();

/// Folder that holds a database's checkpoints: `<db folder>/<db stem>-artifacts`.
std::string artifacts_dir_for(const std::string& db_path);

/// The command a user runs to fetch the data packages (named in every missing-data error).
std::string data_fetch_command();

}  // namespace etlab

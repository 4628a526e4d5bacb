// SPDX-License-Identifier: MIT
#pragma once

// A named registry: the one table a family of variants lives in (attention kinds, LoRA axes, model
// families), in the spirit of llama.cpp's one `llm_arch` table. Built-in entries are added on first
// use; a front end or a test may add more before it validates or builds anything.

#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

namespace etlab {

/// Entries of type T, each with a `name` member, in registration order. References stay valid.
///
///   Registry<AttentionKind>& kinds = attention_kinds();
///   const AttentionKind& k = kinds.at("learned_sparse");
template <typename T>
class Registry {
 public:
  /// `check` (optional) refuses an entry that does not fit beside the registered ones, by throwing
  /// std::invalid_argument.
  using Check = std::function<void(const T& entry, const std::deque<T>& registered)>;
  explicit Registry(std::string what, Check check = {}) : what_(std::move(what)), check_(std::move(check)) {}

  /// Adds an entry; throws std::invalid_argument when the name is empty or already taken, or the
  /// registry's check refuses it.
  const T& add(T entry) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (entry.name.empty()) throw std::invalid_argument(what_ + ": an entry needs a name");
    for (const auto& e : entries_)
      if (e.name == entry.name) throw std::invalid_argument(what_ + " '" + entry.name + "' is registered already");
    if (check_) check_(entry, entries_);
    entries_.push_back(std::move(entry));
    return entries_.back();
  }

  /// The entry called `name`, or nullptr.
  const T* find(const std::string& name) const {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const auto& e : entries_)
      if (e.name == name) return &e;
    return nullptr;
  }

  /// The entry called `name`; throws std::invalid_argument naming the known ones otherwise.
  const T& at(const std::string& name) const {
    if (const T* e = find(name)) return *e;
    throw std::invalid_argument("unknown " + what_ + " '" + name + "' (known: " + joined_names() + ")");
  }

  /// Every entry, in registration order (a copy of the pointers: safe while others register).
  std::vector<const T*> all() const {
    std::lock_guard<std::mutex> lock(mutex_);
    std::vector<const T*> out;
    for (const auto& e : entries_) out.push_back(&e);
    return out;
  }

  std::vector<std::string> names() const {
    std::vector<std::string> out;
    for (const T* e : all()) out.push_back(e->name);
    return out;
  }

  std::string joined_names(const char* sep = ", ") const {
    std::string out;
    for (const auto& n : names()) out += (out.empty() ? "" : sep) + n;
    return out;
  }

  const std::string& what() const { return what_; }
  /// How many entries have been added (entries are never removed): a version for derived tables.
  size_t size() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return entries_.size();
  }

 private:
  std::string what_;
  Check check_;
  mutable std::mutex mutex_;
  std::deque<T> entries_;
};

}  // namespace etlab

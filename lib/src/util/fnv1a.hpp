// FNV-1a, 64 bits: a stable hash of bytes (fingerprints of texts, shards of a repository). Stable
// across machines and releases, which std::hash is not; not for security.
#pragma once

#include <cstdint>
#include <string_view>

namespace alinea {

class Fnv1a {
 public:
  constexpr void add(unsigned char byte) noexcept {
    hash_ ^= byte;
    hash_ *= prime;
  }
  constexpr void add(std::string_view bytes) noexcept {
    for (const char c : bytes) add(static_cast<unsigned char>(c));
  }
  [[nodiscard]] constexpr std::uint64_t value() const noexcept { return hash_; }

 private:
  static constexpr std::uint64_t prime = 1099511628211ULL;
  std::uint64_t hash_ = 14695981039346656037ULL;
};

}  // namespace alinea

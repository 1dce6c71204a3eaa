#include "alinea/alignment.hpp"

namespace alinea {

const char* to_string(LinkStatus status) noexcept {
  switch (status) {
    case LinkStatus::automatic:
      return "auto";
    case LinkStatus::reviewed:
      return "reviewed";
  }
  return "auto";
}

}  // namespace alinea

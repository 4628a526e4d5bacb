// SPDX-License-Identifier: MIT
#include "core/dist/data_parallel.h"

#include <cstdlib>
#include <stdexcept>
#include <thread>

#include <torch/csrc/distributed/c10d/PrefixStore.hpp>
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#include <torch/csrc/distributed/c10d/reducer.hpp>

namespace etlab {

namespace {

using Clock = std::chrono::steady_clock;

// c10 errors carry a backtrace after the message: the first line is what a user can act on.
std::string first_line(const std::string& s) { return s.substr(0, s.find('\n')); }

std::string message_of(const std::exception& e) {
  if (const auto* c = dynamic_cast<const c10::Error*>(&e)) return first_line(c->what_without_backtrace());
  return first_line(e.what());
}

std::vector<uint8_t> bytes(const std::string& s) { return {s.begin(), s.end()}; }
std::string text(const std::vector<uint8_t>& b) { return {b.begin(), b.end()}; }

bool is_loopback(const std::string& addr) { return addr == "localhost" || addr.rfind("127.", 0) == 0 || addr == "::1"; }

// The network device the collectives use: GLOO_SOCKET_IFNAME's interface when set (as in PyTorch),
// loopback for a job on one machine, else the address this machine's hostname resolves to.
std::shared_ptr<::gloo::transport::Device> gloo_device(const std::string& master_addr) {
  if (const char* ifname = std::getenv("GLOO_SOCKET_IFNAME"); ifname && *ifname)
    return c10d::ProcessGroupGloo::createDeviceForInterface(ifname);
  if (is_loopback(master_addr)) return c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1");
  return c10d::ProcessGroupGloo::createDefaultDevice();
}

// The Reducer warns once that looking for unused parameters found none: true of most steps of most
// models, which may still leave one without a gradient in others. Every other warning passes through.
class QuietUnusedParameterWarning : public c10::WarningHandler {
 public:
  explicit QuietUnusedParameterWarning(c10::WarningHandler* next) : next_(next) {}
  void process(const c10::SourceLocation& where, const std::string& msg, const bool verbatim) override {
    if (msg.find("find_unused_parameters=True was specified") != std::string::npos) return;
    if (next_) next_->process(where, msg, verbatim);
  }
  c10::WarningHandler* next() const { return next_; }

 private:
  c10::WarningHandler* next_;
};

}  // namespace

struct DataParallel::Impl {
  c10::intrusive_ptr<c10d::Store> store;
  c10::intrusive_ptr<c10d::ProcessGroupGloo> group;
  std::unique_ptr<c10d::Reducer> reducer;
  std::unique_ptr<QuietUnusedParameterWarning> quiet;  // installed on the training thread while attached

  ~Impl() {
    // The Reducer's destructor may throw after a failed collective (it is noexcept(false)): deleted
    // here, where that can be caught, never by a smart pointer's noexcept deleter.
    c10d::Reducer* r = reducer.release();
    try {
      delete r;
    } catch (...) {
    }
    if (quiet && c10::Warning::get_warning_handler() == quiet.get()) c10::Warning::set_warning_handler(quiet->next());
  }
};

DataParallel::DataParallel(const DistEnv& env, std::chrono::milliseconds timeout)
    : env_(env), timeout_(timeout), impl_(std::make_unique<Impl>()) {
  const std::string where = env.master_addr + ":" + std::to_string(env.port);
  try {
    c10d::TCPStoreOptions so;
    so.port = static_cast<uint16_t>(env.port);
    so.timeout = timeout;
    if (env.launcher_hosts_store) {
      so.isServer = false;
      so.waitWorkers = false;
    } else {
      so.isServer = env.rank == 0;
      so.numWorkers = static_cast<size_t>(env.world_size);
      so.waitWorkers = true;
    }
    c10::intrusive_ptr<c10d::Store> store = c10::make_intrusive<c10d::TCPStore>(env.master_addr, so);
    // Under torchrun's agent store, each restart of the job keys its rendezvous apart, as PyTorch does.
    if (const char* attempt = std::getenv("TORCHELASTIC_RESTART_COUNT"); attempt && env.launcher_hosts_store)
      store = c10::make_intrusive<c10d::PrefixStore>(std::string("/worker/attempt_") + attempt, store);
    impl_->store = store;
  } catch (const std::exception& e) {
    throw std::runtime_error("data-parallel rendezvous at " + where + " (rank " + std::to_string(env.rank) + " of " +
                             std::to_string(env.world_size) + ") failed: " + message_of(e));
  }
  try {
    auto opts = c10d::ProcessGroupGloo::Options::create(timeout);
    opts->devices.push_back(gloo_device(env.master_addr));
    opts->threads = 2;
    impl_->group = c10::make_intrusive<c10d::ProcessGroupGloo>(impl_->store, env.rank, env.world_size, opts);
  } catch (const std::exception& e) {
    throw std::runtime_error("data-parallel process group (Gloo) of " + std::to_string(env.world_size) + " ranks via " + where +
                             " could not be formed on rank " + std::to_string(env.rank) + ": " + message_of(e));
  }
}

DataParallel::~DataParallel() = default;

std::string DataParallel::share(const std::string& key, const std::string& value) {
  const std::string k = "etlab/share/" + key;
  try {
    if (env_.rank == 0) {
      impl_->store->set(k, bytes(value));
      return value;
    }
    return text(impl_->store->get(k));  // waits for rank 0, up to the timeout
  } catch (const std::exception& e) {
    throw std::runtime_error("data-parallel: rank " + std::to_string(env_.rank) + " did not receive '" + key +
                             "' from rank 0: " + message_of(e));
  }
}

void DataParallel::broadcast(torch::nn::Module& module) {
  torch::NoGradGuard no_grad;
  try {
    std::vector<torch::Tensor> all;
    for (auto& p : module.parameters()) all.push_back(p);
    for (auto& b : module.buffers()) all.push_back(b);
    for (auto& t : all) {
      std::vector<torch::Tensor> one{t.data()};
      impl_->group->broadcast(one)->wait();
    }
  } catch (const std::exception& e) {
    throw std::runtime_error("data-parallel: broadcasting rank 0's parameters failed on rank " + std::to_string(env_.rank) + ": " +
                             message_of(e));
  }
}

void DataParallel::attach(const std::vector<torch::Tensor>& params, int64_t bucket_bytes) {
  // A parameter that a backward does not reach (a head the task does not use, a router during dense
  // warm-up) would leave its bucket unreduced: look for them every step, as DDP's
  // find_unused_parameters does (one walk over the autograd graph).
  const bool find_unused = true;
  // As DistributedDataParallel does: a small first bucket so that communication starts early, buckets
  // in the reverse order of the parameters (the order backward produces their gradients).
  const size_t first_bucket = 1024 * 1024;
  const std::vector<bool> sparse(params.size(), false);
  auto [indices, limits] = c10d::compute_bucket_assignment_by_size(params, {first_bucket, static_cast<size_t>(bucket_bytes)}, sparse);
  std::reverse(indices.begin(), indices.end());
  std::reverse(limits.begin(), limits.end());
  if (!impl_->quiet) {
    impl_->quiet = std::make_unique<QuietUnusedParameterWarning>(c10::Warning::get_warning_handler());
    c10::Warning::set_warning_handler(impl_->quiet.get());
  }
  impl_->reducer = std::make_unique<c10d::Reducer>(params, std::move(indices), std::move(limits), impl_->group, sparse, bucket_bytes,
                                                   find_unused, /*gradient_as_bucket_view=*/false,
                                                   std::unordered_map<size_t, std::string>{}, static_cast<int64_t>(first_bucket));
}

void DataParallel::prepare_for_backward(const torch::Tensor& loss) {
  if (!impl_->reducer) throw std::logic_error("DataParallel::prepare_for_backward before attach");
  impl_->reducer->rebuild_buckets();  // as DDP's forward does; a no-op once buckets are settled
  impl_->reducer->prepare_for_forward();
  impl_->reducer->prepare_for_backward({loss});
}

std::vector<double> DataParallel::sum(const std::vector<double>& local) {
  auto t = torch::tensor(local, torch::kFloat64);
  std::vector<torch::Tensor> one{t};
  try {
    impl_->group->allreduce(one)->wait();
  } catch (const std::exception& e) {
    throw std::runtime_error("data-parallel all-reduce failed on rank " + std::to_string(env_.rank) + ": " + message_of(e));
  }
  const double* p = t.data_ptr<double>();
  return {p, p + local.size()};
}

std::vector<std::vector<double>> DataParallel::gather(const std::vector<double>& local) {
  std::vector<torch::Tensor> in{torch::tensor(local, torch::kFloat64)};
  std::vector<std::vector<torch::Tensor>> out(1);
  for (int r = 0; r < env_.world_size; ++r) out[0].push_back(torch::empty({static_cast<int64_t>(local.size())}, torch::kFloat64));
  try {
    impl_->group->allgather(out, in)->wait();
  } catch (const std::exception& e) {
    throw std::runtime_error("data-parallel all-gather failed on rank " + std::to_string(env_.rank) + ": " + message_of(e));
  }
  std::vector<std::vector<double>> res;
  for (auto& t : out[0]) {
    const double* p = t.data_ptr<double>();
    res.emplace_back(p, p + local.size());
  }
  return res;
}

void DataParallel::report_failure(const std::string& reason) noexcept {
  try {
    impl_->store->set(store_failure_key(env_.rank), bytes(first_line(reason)));
  } catch (...) {
    // the store went with rank 0 or the launcher: nobody is left to tell
  }
}

std::string DataParallel::failures(std::chrono::milliseconds wait) noexcept {
  const auto until = Clock::now() + wait;
  while (true) {
    std::string out;
    try {
      for (int r = 0; r < env_.world_size; ++r) {
        if (r == env_.rank) continue;
        const auto key = store_failure_key(r);
        if (impl_->store->check({key})) out += (out.empty() ? "" : "; ") + text(impl_->store->get(key));
      }
    } catch (...) {
      return out;
    }
    if (!out.empty() || Clock::now() >= until) return out;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

struct RendezvousHost::Impl {
  c10::intrusive_ptr<c10d::TCPStore> store;
};

RendezvousHost::RendezvousHost(const std::string& addr, int port, std::chrono::milliseconds timeout)
    : impl_(std::make_unique<Impl>()) {
  c10d::TCPStoreOptions so;
  so.port = static_cast<uint16_t>(port);
  so.isServer = true;
  so.waitWorkers = false;
  so.timeout = timeout;
  try {
    impl_->store = c10::make_intrusive<c10d::TCPStore>(addr, so);
  } catch (const std::exception& e) {
    throw std::runtime_error("launch: could not host the rendezvous store at " + addr + ":" + std::to_string(port) + ": " +
                             message_of(e));
  }
}

RendezvousHost::~RendezvousHost() = default;

std::string RendezvousHost::get(const std::string& key) noexcept {
  try {
    if (impl_->store->check({key})) return text(impl_->store->get(key));
  } catch (...) {
  }
  return {};
}

void RendezvousHost::set(const std::string& key, const std::string& value) noexcept {
  try {
    impl_->store->set(key, bytes(value));
  } catch (...) {
  }
}

}  // namespace etlab

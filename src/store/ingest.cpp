// Corpus ingestion: one reader (the calling thread), N coders, one writer. Stories carry
// their input sequence number; the writer waits for the next number, so the store is
// written in input order whatever the number of coders. The coders do the expensive part
// (parsing raw text, coding); the writer commits stories in batches, since a commit per
// story would cost about as much as writing it.
#include <fmt/core.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <istream>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "annals/pipeline.h"
#include "annals/readers.h"
#include "annals/store.h"
#include "store/compressed_input.h"

namespace annals {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// A batch is committed when it holds this many stories or its first story has waited this
// long, whichever comes first: large enough that commits cost little, small enough that a
// killed run loses little work and progress stays visible in the store.
constexpr size_t kBatchStories = 200;
constexpr auto kBatchInterval = std::chrono::milliseconds(250);

std::string lowercase_extension(const fs::path& file) {
  std::string extension = file.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return extension;
}

// Compressed files are named after their content: story.sgm.gz is SGML.
std::string content_extension(const fs::path& file) {
  const std::string extension = lowercase_extension(file);
  return extension == ".gz" || extension == ".zst" ? lowercase_extension(file.stem()) : extension;
}

bool has_story_extension(const fs::path& file) {
  static const std::set<std::string> kStoryExtensions = {".xml",    ".jsonl", ".ndjson", ".json",
                                                         ".conllu", ".conll", ".sgm"};
  return kStoryExtensions.count(content_extension(file)) > 0;
}

bool is_hidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return !name.empty() && name.front() == '.';
}

struct Job {
  Story story;
  std::string content_hash;
  std::vector<Event> events;
};

// Thrown from the reader's story sink to leave read_stories once the pipeline failed.
struct IngestStopped {};

// What the three kinds of thread share; every member is guarded by mutex. Each kind of
// thread waits on a condition of its own, so that a story moving on wakes only the thread
// that can act on it: on two cores, every needless wake-up is taken from the coders.
struct Pipeline {
  std::mutex mutex;
  std::condition_variable coders_wake;  // a story to code, the end of the input, a failure
  std::condition_variable writer_wake;  // the next story to write, the end, a failure
  std::condition_variable reader_wake;  // room for more stories in flight, a failure
  std::deque<std::pair<size_t, Job>> to_code;  // by input sequence number
  std::map<size_t, Job> to_write;
  // Stories written, freed by the coders so that the writer's time goes to SQLite.
  std::vector<Job> written;
  size_t dispatched = 0;     // sequence number of the next story handed to the coders
  size_t next_to_write = 0;
  bool reading_done = false;
  std::exception_ptr failure;
  IngestProgress progress;

  size_t in_flight() const { return dispatched - next_to_write; }

  void fail(std::exception_ptr error) {
    std::lock_guard lock(mutex);
    if (!failure) failure = error;
    wake_everyone();
  }
  void wake_everyone() {
    coders_wake.notify_all();
    writer_wake.notify_all();
    reader_wake.notify_all();
  }
};

void code_stories(Pipeline& pipeline, const Coder& coder, const IngestOptions& options) {
  std::vector<Job> to_free;
  std::unique_lock lock(pipeline.mutex);
  while (true) {
    pipeline.coders_wake.wait(lock, [&] {
      return pipeline.failure || !pipeline.to_code.empty() || pipeline.reading_done;
    });
    if (pipeline.failure || pipeline.to_code.empty()) return;
    auto [sequence, job] = std::move(pipeline.to_code.front());
    pipeline.to_code.pop_front();
    to_free.swap(pipeline.written);
    lock.unlock();
    to_free.clear();
    try {
      if (options.parser) parse_story(job.story, *options.parser, options.before_parse);
      job.events = coder.code(job.story);
    } catch (...) {
      pipeline.fail(std::current_exception());
      return;
    }
    lock.lock();
    pipeline.to_write.emplace(sequence, std::move(job));
    if (sequence == pipeline.next_to_write) pipeline.writer_wake.notify_one();
  }
}

// refill_at: the number of stories in flight at which a reader waiting for room is woken.
void write_stories(Pipeline& pipeline, EventStore& store, const IngestOptions& options, size_t refill_at,
                   Clock::time_point start) {
  auto last_report = Clock::now();
  size_t batch_size = 0;  // stories written since the batch began
  Clock::time_point batch_start;
  // What the open batch wrote: it joins pipeline.progress only once committed, so that
  // the counts never include stories a failed batch took back.
  IngestProgress uncommitted;
  // Called without the lock; every story written so far is whole, so a batch is committed
  // even when another thread failed.
  auto commit_batch = [&] {
    if (batch_size == 0) return true;
    batch_size = 0;
    try {
      store.commit_batch();
    } catch (...) {
      pipeline.fail(std::current_exception());
      return false;
    }
    std::lock_guard lock(pipeline.mutex);
    IngestProgress& progress = pipeline.progress;
    progress.stories_added += uncommitted.stories_added;
    progress.stories_replaced += uncommitted.stories_replaced;
    progress.stories_unchanged += uncommitted.stories_unchanged;
    progress.sentences_written += uncommitted.sentences_written;
    progress.events_written += uncommitted.events_written;
    uncommitted = {};
    return true;
  };

  std::unique_lock lock(pipeline.mutex);
  while (!pipeline.failure) {
    // Wakes at least every progress interval so that progress flows even while every
    // story read is skipped as unchanged, and in time to commit an open batch.
    auto wake = Clock::now() + options.progress_interval;
    if (batch_size > 0) wake = std::min(wake, batch_start + kBatchInterval);
    pipeline.writer_wake.wait_until(lock, wake, [&] {
      return pipeline.failure || pipeline.to_write.count(pipeline.next_to_write) ||
             (pipeline.reading_done && pipeline.next_to_write == pipeline.dispatched);
    });
    if (pipeline.failure) break;
    const auto next = pipeline.to_write.find(pipeline.next_to_write);
    if (next != pipeline.to_write.end()) {
      Job job = std::move(next->second);
      pipeline.to_write.erase(next);
      lock.unlock();
      EventStore::WriteResult result;
      try {
        if (batch_size == 0) {
          store.begin_batch();
          batch_start = Clock::now();
        }
        result = store.write_story(job.story, job.content_hash, job.events, options.coder_fingerprint);
      } catch (...) {
        // write_story rolled the batch back: those stories were never committed.
        batch_size = 0;
        pipeline.fail(std::current_exception());
        return;
      }
      ++batch_size;
      switch (result) {
        case EventStore::WriteResult::added:
          ++uncommitted.stories_added;
          break;
        case EventStore::WriteResult::replaced:
          ++uncommitted.stories_replaced;
          break;
        case EventStore::WriteResult::unchanged:  // a repeat within the input
          ++uncommitted.stories_unchanged;
          break;
      }
      if (result != EventStore::WriteResult::unchanged) {
        uncommitted.sentences_written += job.story.sentences.size();
        uncommitted.events_written += job.events.size();
      }
      lock.lock();
      ++pipeline.next_to_write;
      pipeline.written.push_back(std::move(job));
      if (pipeline.in_flight() == refill_at) pipeline.reader_wake.notify_one();
    } else if (pipeline.reading_done && pipeline.next_to_write == pipeline.dispatched) {
      break;
    }
    if (batch_size > 0 && (batch_size >= kBatchStories || Clock::now() - batch_start >= kBatchInterval)) {
      lock.unlock();
      if (!commit_batch()) return;
      lock.lock();
    }
    if (options.progress && Clock::now() - last_report >= options.progress_interval) {
      last_report = Clock::now();
      IngestProgress snapshot = pipeline.progress;
      snapshot.seconds = std::chrono::duration<double>(last_report - start).count();
      lock.unlock();
      try {
        options.progress(snapshot);
      } catch (...) {
        pipeline.fail(std::current_exception());
      }
      lock.lock();
    }
  }
  lock.unlock();
  commit_batch();
}

}  // namespace

std::vector<fs::path> ingest_input_files(const std::vector<fs::path>& paths, Diagnostics& diagnostics) {
  std::vector<fs::path> files;
  for (const fs::path& path : paths) {
    std::error_code error;
    if (fs::is_directory(path, error)) {
      std::vector<fs::path> found;
      fs::recursive_directory_iterator walk(path, fs::directory_options::skip_permission_denied, error);
      for (; !error && walk != fs::recursive_directory_iterator(); walk.increment(error)) {
        if (is_hidden(walk->path())) {
          if (walk->is_directory()) walk.disable_recursion_pending();
          continue;
        }
        if (walk->is_regular_file() && has_story_extension(walk->path())) found.push_back(walk->path());
      }
      if (error) diagnostics.error(path.string(), 0, fmt::format("cannot list directory: {}", error.message()));
      // Directory order is arbitrary; path order makes a run repeatable.
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::exists(path, error)) {
      files.push_back(path);
    } else {
      diagnostics.error(path.string(), 0, "no such file or directory");
    }
  }
  return files;
}

IngestProgress ingest(EventStore& store, const std::vector<fs::path>& paths, const Coder& coder,
                      const IngestOptions& options, Diagnostics& diagnostics) {
  const auto start = Clock::now();
  const std::vector<fs::path> files = ingest_input_files(paths, diagnostics);
  Pipeline pipeline;
  for (const fs::path& file : files) {
    std::error_code error;
    const auto size = fs::file_size(file, error);
    if (!error) pipeline.progress.input_bytes_total += size;
  }
  // Enough stories in flight to keep every coder busy, few enough to bound memory. A full
  // window is refilled by half at a time, to wake the reader once per many stories.
  const unsigned threads = std::max(1u, options.threads);
  const size_t max_in_flight = 16 * static_cast<size_t>(threads) + 16;
  const size_t refill_at = max_in_flight / 2;

  std::vector<std::thread> coders;
  for (unsigned i = 0; i < threads; ++i)
    coders.emplace_back(code_stories, std::ref(pipeline), std::cref(coder), std::cref(options));
  std::thread writer(write_stories, std::ref(pipeline), std::ref(store), std::cref(options), refill_at, start);

  try {
    // The reader's own connection: the writer's is busy inside its transactions.
    const EventStore lookup(store.path());
    uint64_t bytes_of_earlier_files = 0;
    for (const fs::path& file : files) {
      store::CompressedInputBuffer buffer(file);
      if (!buffer.is_open()) {
        diagnostics.error(file.string(), 0, "cannot open file");
        continue;
      }
      auto deliver = [&](Story&& story) {
        const uint64_t bytes_read = bytes_of_earlier_files + buffer.file_bytes_read();
        std::unique_lock lock(pipeline.mutex);
        if (pipeline.failure) throw IngestStopped{};
        ++pipeline.progress.stories_read;
        pipeline.progress.input_bytes_read = bytes_read;
        if (story.date.ymd == 0) {
          if (!options.default_date) {
            ++pipeline.progress.stories_refused;
            lock.unlock();
            diagnostics.error(story.file, story.line,
                              fmt::format("story '{}' has no date; give one with --date; skipped", story.id));
            return;
          }
          story.date = *options.default_date;
        }
        if (story.sentences.empty() && !story.text.empty() && !options.parser) {
          ++pipeline.progress.stories_refused;
          lock.unlock();
          diagnostics.error(story.file, story.line,
                            fmt::format("story '{}' has no parse and no parser model was given; skipped",
                                        story.id));
          return;
        }
        lock.unlock();
        std::string hash = story_content_hash(story);
        const std::optional<StoredVersion> stored = lookup.stored_version(story.id);
        if (stored && stored->content_hash == hash && stored->coder == options.coder_fingerprint) {
          lock.lock();
          ++pipeline.progress.stories_unchanged;
          return;
        }
        lock.lock();
        if (pipeline.in_flight() >= max_in_flight)
          pipeline.reader_wake.wait(lock, [&] { return pipeline.failure || pipeline.in_flight() <= refill_at; });
        if (pipeline.failure) throw IngestStopped{};
        pipeline.to_code.emplace_back(pipeline.dispatched++, Job{std::move(story), std::move(hash), {}});
        pipeline.coders_wake.notify_one();
      };
      std::istream in(&buffer);
      read_stories(in, file.string(), deliver, diagnostics);
      if (!buffer.error().empty())
        diagnostics.error(file.string(), 0, buffer.error() + "; the rest of the file is skipped");
      bytes_of_earlier_files += buffer.file_bytes_read();
      std::lock_guard lock(pipeline.mutex);
      ++pipeline.progress.files_read;
      pipeline.progress.input_bytes_read = bytes_of_earlier_files;
    }
  } catch (const IngestStopped&) {
    // The failure is rethrown below, once every thread has stopped.
  } catch (...) {
    pipeline.fail(std::current_exception());
  }
  {
    std::lock_guard lock(pipeline.mutex);
    pipeline.reading_done = true;
    pipeline.wake_everyone();
  }
  for (std::thread& thread : coders) thread.join();
  writer.join();
  if (pipeline.failure) std::rethrow_exception(pipeline.failure);

  IngestProgress result = pipeline.progress;
  result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  result.finished = true;
  if (options.progress) options.progress(result);
  return result;
}

}  // namespace annals

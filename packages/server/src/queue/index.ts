// Distributed conjunction screening over BullMQ/Redis (see docs/screening.md, "Distributed mode").
export { screenOnQueue, type QueueScreenRequest, type QueueScreenOptions, type ShardRunInfo } from './coordinator.js';
export { startScreeningWorker, type ScreeningWorkerOptions, type ScreeningWorkerHandle } from './worker.js';
export { parseQueueUrl, checkRedisReachable, QueueUrlError, DEFAULT_QUEUE_NAME, QUEUE_KEY_PREFIX, type QueueLocation } from './redisUrl.js';
export { shardIds, SCREENING_JOB_NAME, SCREENING_JOB_VERSION, type ScreeningJobData } from './protocol.js';

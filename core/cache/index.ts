export { type Cache, CacheError, getJson, setJson } from './cache';
export { MemoryCache, type MemoryCacheOptions } from './memory-cache';
export { RedisCache, type RedisCacheOptions } from './redis-cache';
export { singleFlight, type SingleFlight } from './single-flight';

-- The 503 (Service Unavailable) responses a dataset run received, as DatasetResult.unavailableResponses() counts
-- them; rows written before the count existed read as 0.

ALTER TABLE ${prefix}job_results ADD COLUMN unavailable_responses BIGINT DEFAULT 0 NOT NULL;

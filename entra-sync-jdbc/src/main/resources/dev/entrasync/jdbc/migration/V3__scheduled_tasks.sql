-- db-scheduler's table (github.com/kagkarlsson/db-scheduler), which runs the clustered tenant schedule.

CREATE TABLE ${prefix}scheduled_tasks (
    task_name VARCHAR(100) NOT NULL,
    task_instance VARCHAR(100) NOT NULL,
    task_data ${blob},
    execution_time ${timestamp} NOT NULL,
    picked BOOLEAN NOT NULL,
    picked_by VARCHAR(50),
    last_success ${timestamp},
    last_failure ${timestamp},
    consecutive_failures INTEGER,
    last_heartbeat ${timestamp},
    version BIGINT NOT NULL,
    priority SMALLINT,
    PRIMARY KEY (task_name, task_instance)
)${table_options};

CREATE INDEX ${prefix}scheduled_tasks_exec ON ${prefix}scheduled_tasks (execution_time);
CREATE INDEX ${prefix}scheduled_tasks_beat ON ${prefix}scheduled_tasks (last_heartbeat);
CREATE INDEX ${prefix}scheduled_tasks_prio ON ${prefix}scheduled_tasks (priority, execution_time);

/**
 * GENERATED FILE - do not edit. Regenerate with `npm run gen:atlas-types` (node atlas/generate-types.mjs).
 * Generator: openapi-typescript 7.13.0, default options.
 * Input: ../shared/atlas/atlas-admin-api.drill-subset.openapi.json (sha256 e03101e883dea9e362e663cf542eb72969eda5a36107d8b447003a5523675592)
 * Spec source: mongodb/mongodb-atlas-cli tools/internal/specs/spec.yaml @ 6fd452a08ad9fdd0c3b5ca4ec1eca5fc1ea26253 (2026-08-21),
 *   upstream mongodb/openapi x-xgen-sha f84b8e4346991132f70f5610809ad1b6af020975
 */
export interface paths {
    "/api/atlas/v2/groups/{groupId}/databaseUsers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create One Database User in One Project
         * @description Creates one database user in the specified project. This MongoDB Cloud supports a maximum of 100 database users per project. If you require more than 100 database users on a project, contact Support.
         */
        post: operations["createGroupDatabaseUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/atlas/v2/groups/{groupId}/databaseUsers/{databaseName}/{username}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Return One Database User from One Project
         * @description Returns one database user that belong to the specified project.
         */
        get: operations["getGroupDatabaseUser"];
        put?: never;
        post?: never;
        /**
         * Remove One Database User from One Project
         * @description Removes one database user from the specified project.
         */
        delete: operations["deleteGroupDatabaseUser"];
        options?: never;
        head?: never;
        /**
         * Update One Database User in One Project
         * @description Updates one database user that belongs to the specified project.
         */
        patch: operations["updateGroupDatabaseUser"];
        trace?: never;
    };
    "/api/atlas/v2/groups/{groupId}/flexClusters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Return All Flex Clusters from One Project
         * @description Returns details for all flex clusters in the specified project.
         */
        get: operations["listGroupFlexClusters"];
        put?: never;
        /**
         * Create One Flex Cluster in One Project
         * @description Creates one flex cluster in the specified project.
         */
        post: operations["createGroupFlexCluster"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/atlas/v2/groups/{groupId}/flexClusters/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Return One Flex Cluster from One Project
         * @description Returns details for one flex cluster in the specified project.
         */
        get: operations["getGroupFlexCluster"];
        put?: never;
        post?: never;
        /**
         * Remove One Flex Cluster from One Project
         * @description Removes one flex cluster from the specified project. The flex cluster must have termination protection disabled in order to be deleted.
         */
        delete: operations["deleteGroupFlexCluster"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ApiError: {
            badRequestDetail?: components["schemas"]["BadRequestDetail"];
            /** @description Describes the specific conditions or reasons that cause each type of error. */
            detail?: string | null;
            /**
             * Format: int32
             * @description HTTP status code returned with this error.
             */
            readonly error: number;
            /** @description Application error code returned with this error. */
            readonly errorCode: string;
            /** @description Parameters used to give more information about the error. */
            readonly parameters?: Record<string, never>[];
            /** @description Application error message returned with this error. */
            readonly reason?: string | null;
        };
        /** @description Bad request detail. */
        BadRequestDetail: {
            /** @description Describes all violations in a client request. */
            fields?: components["schemas"]["FieldViolation"][];
        } | null;
        CloudDatabaseUser: {
            /**
             * @description Human-readable label that indicates whether the new database user authenticates with the Amazon Web Services (AWS) Identity and Access Management (IAM) credentials associated with the user or the user's role.
             * @default NONE
             * @enum {string}
             */
            awsIAMType: "NONE" | "USER" | "ROLE";
            /**
             * @description The database against which the database user authenticates. Database users must provide both a username and authentication database to log into MongoDB. If the user authenticates with AWS IAM, x.509, LDAP, or OIDC Workload this value should be `$external`. If the user authenticates with SCRAM-SHA or OIDC Workforce, this value should be `admin`.
             * @default admin
             * @enum {string}
             */
            databaseName: "admin" | "$external";
            /**
             * Format: date-time
             * @description Date and time when MongoDB Cloud deletes the user. This parameter expresses its value in the ISO 8601 timestamp format in UTC and can include the time zone designation. You must specify a future date that falls within one week of making the Application Programming Interface (API) request.
             */
            deleteAfterDate?: string;
            /** @description Description of this database user. */
            description?: string;
            /** @description Unique 24-hexadecimal digit string that identifies the project. */
            groupId: string;
            /** @description List that contains the key-value pairs for tagging and categorizing the MongoDB database user. The labels that you define do not appear in the console. */
            labels?: components["schemas"]["ComponentLabel"][];
            /**
             * @description Part of the Lightweight Directory Access Protocol (LDAP) record that the database uses to authenticate this database user on the LDAP host.
             * @default NONE
             * @enum {string}
             */
            ldapAuthType: "NONE" | "GROUP" | "USER";
            /** @description List of one or more Uniform Resource Locators (URLs) that point to API sub-resources, related API resources, or both. RFC 5988 outlines these relationships. */
            readonly links?: components["schemas"]["Link"][];
            /**
             * @description Human-readable label that indicates whether the new database user or group authenticates with OIDC federated authentication. To create a federated authentication user, specify the value of USER in this field. To create a federated authentication group, specify the value of `IDP_GROUP` in this field.
             * @default NONE
             * @enum {string}
             */
            oidcAuthType: "NONE" | "IDP_GROUP" | "USER";
            /** @description Alphanumeric string that authenticates this database user against the database specified in `databaseName`. To authenticate with SCRAM-SHA, you must specify this parameter. This parameter doesn't appear in this response. */
            password?: string;
            /** @description List that provides the pairings of one role with one applicable database. */
            roles: components["schemas"]["DatabaseUserRole"][];
            /** @description List that contains clusters, MongoDB Atlas Data Lakes, and MongoDB Atlas Streams Workspaces that this database user can access. If omitted, MongoDB Cloud grants the database user access to all the clusters, MongoDB Atlas Data Lakes, and MongoDB Atlas Streams Workspaces in the project. */
            scopes?: components["schemas"]["UserScope"][];
            /**
             * @description Human-readable label that represents the user that authenticates to MongoDB. The format of this label depends on the method of authentication:
             *
             *     | Authentication Method | Parameter Needed | Parameter Value | username Format |
             *     |---|---|---|---|
             *     | AWS IAM | `awsIAMType` | `ROLE` | <abbr title="Amazon Resource Name">ARN</abbr> |
             *     | AWS IAM | `awsIAMType` | `USER` | <abbr title="Amazon Resource Name">ARN</abbr> |
             *     | x.509 | `x509Type` | `CUSTOMER` | [RFC 2253](https://tools.ietf.org/html/2253) Distinguished Name |
             *     | x.509 | `x509Type` | `MANAGED` | [RFC 2253](https://tools.ietf.org/html/2253) Distinguished Name |
             *     | LDAP | `ldapAuthType` | `USER` | [RFC 2253](https://tools.ietf.org/html/2253) Distinguished Name |
             *     | LDAP | `ldapAuthType` | `GROUP` | [RFC 2253](https://tools.ietf.org/html/2253) Distinguished Name |
             *     | OIDC Workforce | `oidcAuthType` | `IDP_GROUP` | Atlas OIDC IdP ID (found in federation settings), followed by a '/', followed by the IdP group name |
             *     | OIDC Workload | `oidcAuthType` | `USER` | Atlas OIDC IdP ID (found in federation settings), followed by a '/', followed by the IdP user name |
             *     | SCRAM-SHA | `awsIAMType`, `x509Type`, `ldapAuthType`, `oidcAuthType` | `NONE` | Alphanumeric string |
             */
            username: string;
            /**
             * @description X.509 method that MongoDB Cloud uses to authenticate the database user.
             *
             *     - For application-managed X.509, specify `MANAGED`.
             *     - For self-managed X.509, specify `CUSTOMER`.
             *
             *     Users created with the `CUSTOMER` method require a Common Name (CN) in the **username** parameter. You must create externally authenticated users on the `$external` database.
             * @default NONE
             * @enum {string}
             */
            x509Type: "NONE" | "CUSTOMER" | "MANAGED";
        };
        /**
         * Component Label
         * @description Human-readable labels applied to this MongoDB Cloud component.
         */
        ComponentLabel: {
            /** @description Key applied to tag and categorize this component. */
            key?: string;
            /** @description Value set to the Key applied to tag and categorize this component. */
            value?: string;
        };
        /**
         * Database User Role
         * @description Range of resources available to this database user.
         */
        DatabaseUserRole: {
            /** @description Collection on which this role applies. */
            collectionName?: string;
            /** @description Database to which the user is granted access privileges. */
            databaseName: string;
            /**
             * @description Human-readable label that identifies a group of privileges assigned to a database user. This value can either be a built-in role or a custom role.
             * @enum {string}
             */
            roleName: "atlasAdmin" | "backup" | "clusterMonitor" | "dbAdmin" | "dbAdminAnyDatabase" | "enableSharding" | "read" | "readAnyDatabase" | "readWrite" | "readWriteAnyDatabase" | "<a custom role name>";
        };
        FieldViolation: {
            /** @description A description of why the request element is bad. */
            description: string;
            /** @description A path that leads to a field in the request body. */
            field: string;
        };
        /**
         * Flex Backup Configuration
         * @description Flex backup configuration.
         */
        FlexBackupSettings20241113: {
            /**
             * @description Flag that indicates whether backups are performed for this flex cluster. Backup uses flex cluster backups.
             * @default true
             */
            readonly enabled: boolean;
        };
        /**
         * Flex Cluster Description
         * @description Group of settings that configure a MongoDB Flex cluster.
         */
        FlexClusterDescription20241113: {
            backupSettings?: components["schemas"]["FlexBackupSettings20241113"];
            /**
             * @description Flex cluster topology.
             * @default REPLICASET
             * @enum {string}
             */
            readonly clusterType: "REPLICASET";
            connectionStrings?: components["schemas"]["FlexConnectionStrings20241113"];
            /**
             * Format: date-time
             * @description Date and time when MongoDB Cloud created this instance. This parameter expresses its value in ISO 8601 format in UTC.
             */
            readonly createDate?: string;
            /**
             * @description Unique 24-hexadecimal character string that identifies the project.
             * @example 32b6e34b3d91647abb20e7b8
             */
            readonly groupId?: string;
            /**
             * @description Unique 24-hexadecimal digit string that identifies the instance.
             * @example 32b6e34b3d91647abb20e7b8
             */
            readonly id?: string;
            /** @description List of one or more Uniform Resource Locators (URLs) that point to API sub-resources, related API resources, or both. RFC 5988 outlines these relationships. */
            readonly links?: components["schemas"]["Link"][];
            /** @description Version of MongoDB that the instance runs. */
            readonly mongoDBVersion?: string;
            /** @description Human-readable label that identifies the instance. */
            readonly name?: string;
            providerSettings: components["schemas"]["FlexProviderSettings20241113"];
            /**
             * @description Human-readable label that indicates any current activity being taken on this cluster by the Atlas control plane. With the exception of CREATING and DELETING states, clusters should always be available and have a Primary node even when in states indicating ongoing activity.
             *
             *      - `IDLE`: Atlas is making no changes to this cluster and all changes requested via the UI or API can be assumed to have been applied.
             *      - `CREATING`: A cluster being provisioned for the very first time returns state CREATING until it is ready for connections. Ensure IP Access List and DB Users are configured before attempting to connect.
             *      - `UPDATING`: A change requested via the UI, API, AutoScaling, or other scheduled activity is taking place.
             *      - `DELETING`: The cluster is in the process of deletion and will soon be deleted.
             *      - `REPAIRING`: One or more nodes in the cluster are being returned to service by the Atlas control plane. Other nodes should continue to provide service as normal.
             * @enum {string}
             */
            readonly stateName?: "IDLE" | "CREATING" | "UPDATING" | "DELETING" | "REPAIRING";
            /** @description List that contains key-value pairs between 1 to 255 characters in length for tagging and categorizing the instance. */
            tags?: components["schemas"]["ResourceTag"][];
            /**
             * @description Flag that indicates whether termination protection is enabled on the cluster. If set to `true`, MongoDB Cloud won't delete the cluster. If set to `false`, MongoDB Cloud will delete the cluster.
             * @default false
             */
            terminationProtectionEnabled: boolean;
            /**
             * @description Method by which the cluster maintains the MongoDB versions.
             * @default LTS
             * @enum {string}
             */
            readonly versionReleaseSystem: "LTS";
        };
        /**
         * Flex Cluster Description Create
         * @description Settings that you can specify when you create a flex cluster.
         */
        FlexClusterDescriptionCreate20241113: {
            /** @description List of one or more Uniform Resource Locators (URLs) that point to API sub-resources, related API resources, or both. RFC 5988 outlines these relationships. */
            readonly links?: components["schemas"]["Link"][];
            /** @description Human-readable label that identifies the instance. */
            name: string;
            providerSettings: components["schemas"]["FlexProviderSettingsCreate20241113"];
            /** @description List that contains key-value pairs between 1 to 255 characters in length for tagging and categorizing the instance. */
            tags?: components["schemas"]["ResourceTag"][];
            /**
             * @description Flag that indicates whether termination protection is enabled on the cluster. If set to `true`, MongoDB Cloud won't delete the cluster. If set to `false`, MongoDB Cloud will delete the cluster.
             * @default false
             */
            terminationProtectionEnabled: boolean;
        };
        /**
         * Flex Cluster Connection Strings
         * @description Collection of Uniform Resource Locators that point to the MongoDB database.
         */
        FlexConnectionStrings20241113: {
            /** @description Public connection string that you can use to connect to this cluster. This connection string uses the `mongodb://` protocol. */
            readonly standard?: string;
            /** @description Public connection string that you can use to connect to this flex cluster. This connection string uses the `mongodb+srv://` protocol. */
            readonly standardSrv?: string;
        };
        /**
         * Cloud Service Provider Settings for a Flex Cluster
         * @description Group of cloud provider settings that configure the provisioned MongoDB flex cluster.
         */
        FlexProviderSettings20241113: {
            /**
             * @description Cloud service provider on which MongoDB Cloud provisioned the flex cluster.
             * @enum {string}
             */
            readonly backingProviderName?: "AWS" | "AZURE" | "GCP";
            /**
             * Format: double
             * @description Storage capacity available to the flex cluster expressed in gigabytes.
             */
            readonly diskSizeGB?: number;
            /**
             * @description Human-readable label that identifies the provider type.
             * @default FLEX
             * @enum {string}
             */
            readonly providerName: "FLEX";
            /** @description Human-readable label that identifies the geographic location of your MongoDB flex cluster. The region you choose can affect network latency for clients accessing your databases. For a complete list of region names, see [AWS](https://docs.atlas.mongodb.com/reference/amazon-aws/#std-label-amazon-aws), [GCP](https://docs.atlas.mongodb.com/reference/google-gcp/), and [Azure](https://docs.atlas.mongodb.com/reference/microsoft-azure/). */
            readonly regionName?: string;
        };
        /**
         * Cloud Service Provider Settings for a Flex Cluster
         * @description Group of cloud provider settings that configure the provisioned MongoDB flex cluster.
         */
        FlexProviderSettingsCreate20241113: {
            /**
             * @description Cloud service provider on which MongoDB Cloud provisioned the flex cluster.
             * @enum {string}
             */
            backingProviderName: "AWS" | "AZURE" | "GCP";
            /**
             * Format: double
             * @description Storage capacity available to the flex cluster expressed in gigabytes.
             */
            readonly diskSizeGB?: number;
            /**
             * @description Human-readable label that identifies the provider type.
             * @default FLEX
             * @enum {string}
             */
            readonly providerName: "FLEX";
            /** @description Human-readable label that identifies the geographic location of your MongoDB flex cluster. The region you choose can affect network latency for clients accessing your databases. For a complete list of region names, see [AWS](https://docs.atlas.mongodb.com/reference/amazon-aws/#std-label-amazon-aws), [GCP](https://docs.atlas.mongodb.com/reference/google-gcp/), and [Azure](https://docs.atlas.mongodb.com/reference/microsoft-azure/). */
            regionName: string;
        };
        Link: {
            /**
             * @description Uniform Resource Locator (URL) that points another API resource to which this response has some relationship. This URL often begins with `https://cloud.mongodb.com/api/atlas`.
             * @example https://cloud.mongodb.com/api/atlas
             */
            href?: string;
            /**
             * @description Uniform Resource Locator (URL) that defines the semantic relationship between this resource and another API resource. This URL often begins with `https://cloud.mongodb.com/api/atlas`.
             * @example self
             */
            rel?: string;
        };
        PaginatedFlexClusters20241113: {
            /** @description List of one or more Uniform Resource Locators (URLs) that point to API sub-resources, related API resources, or both. RFC 5988 outlines these relationships. */
            readonly links?: components["schemas"]["Link"][];
            /** @description List of returned documents that MongoDB Cloud provides when completing this request. */
            readonly results: components["schemas"]["FlexClusterDescription20241113"][];
            /**
             * Format: int32
             * @description Total number of documents available. MongoDB Cloud omits this value if `includeCount` is set to `false`. The total number is an estimate and may not be exact.
             */
            readonly totalCount?: number;
        };
        /**
         * Resource Tag
         * @description Key-value pair that tags and categorizes a MongoDB Cloud organization, project, or cluster. For example, `environment : production`.
         */
        ResourceTag: {
            /** @description Constant that defines the set of the tag. For example, `environment` in the `environment : production` tag. */
            key: string;
            /** @description Variable that belongs to the set of the tag. For example, `production` in the `environment : production` tag. */
            value: string;
        };
        /**
         * Database User Scope
         * @description Range of resources available to this database user.
         */
        UserScope: {
            /** @description Human-readable label that identifies the cluster or MongoDB Atlas Data Lake that this database user can access. */
            name: string;
            /**
             * @description Category of resource that this database user can access.
             * @enum {string}
             */
            type: "CLUSTER" | "DATA_LAKE" | "STREAM";
        };
    };
    responses: {
        /** @description Bad Request. */
        badRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "detail": "(This is just an example, the exception may not be related to this endpoint) No provider AWS exists.",
                 *       "error": 400,
                 *       "errorCode": "VALIDATION_ERROR",
                 *       "reason": "Bad Request"
                 *     }
                 */
                "application/json": components["schemas"]["ApiError"];
            };
        };
        /** @description Conflict. */
        conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "detail": "(This is just an example, the exception may not be related to this endpoint) Cannot delete organization link while there is active migration in following project ids: 60c4fd418ebe251047c50554",
                 *       "error": 409,
                 *       "errorCode": "CANNOT_DELETE_ORG_ACTIVE_LIVE_MIGRATION_ATLAS_ORG_LINK",
                 *       "reason": "Conflict"
                 *     }
                 */
                "application/json": components["schemas"]["ApiError"];
            };
        };
        /** @description Forbidden. */
        forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "detail": "(This is just an example, the exception may not be related to this endpoint)",
                 *       "error": 403,
                 *       "errorCode": "CANNOT_CHANGE_GROUP_NAME",
                 *       "reason": "Forbidden"
                 *     }
                 */
                "application/json": components["schemas"]["ApiError"];
            };
        };
        /** @description Internal Server Error. */
        internalServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "detail": "(This is just an example, the exception may not be related to this endpoint)",
                 *       "error": 500,
                 *       "errorCode": "UNEXPECTED_ERROR",
                 *       "reason": "Internal Server Error"
                 *     }
                 */
                "application/json": components["schemas"]["ApiError"];
            };
        };
        /** @description Not Found. */
        notFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "detail": "(This is just an example, the exception may not be related to this endpoint) Cannot find resource AWS",
                 *       "error": 404,
                 *       "errorCode": "RESOURCE_NOT_FOUND",
                 *       "reason": "Not Found"
                 *     }
                 */
                "application/json": components["schemas"]["ApiError"];
            };
        };
        /** @description Payment Required. */
        paymentRequired: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "detail": "(This is just an example, the exception may not be related to this endpoint)",
                 *       "error": 402,
                 *       "errorCode": "NO_PAYMENT_INFORMATION_FOUND",
                 *       "reason": "Payment Required"
                 *     }
                 */
                "application/json": components["schemas"]["ApiError"];
            };
        };
        /** @description Too Many Requests. */
        tooManyRequests: {
            headers: {
                "RateLimit-Limit": components["headers"]["HeaderRateLimitLimit"];
                "RateLimit-Remaining": components["headers"]["HeaderRateLimitRemaining"];
                "Retry-After": components["headers"]["HeaderRetryAfter"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "detail": "(This is just an example, the exception may not be related to this endpoint)",
                 *       "error": 429,
                 *       "errorCode": "RATE_LIMITED",
                 *       "reason": "Too Many Requests"
                 *     }
                 */
                "application/json": components["schemas"]["ApiError"];
            };
        };
        /** @description Unauthorized. */
        unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "detail": "(This is just an example, the exception may not be related to this endpoint)",
                 *       "error": 401,
                 *       "errorCode": "NOT_ORG_GROUP_CREATOR",
                 *       "reason": "Unauthorized"
                 *     }
                 */
                "application/json": components["schemas"]["ApiError"];
            };
        };
    };
    parameters: {
        /** @description Flag that indicates whether Application wraps the response in an `envelope` JSON object. Some API clients cannot access the HTTP response headers or status code. To remediate this, set envelope=true in the query. Endpoints that return a list of results use the results object as an envelope. Application adds the status parameter to the response body. */
        envelope: boolean;
        /**
         * @description Unique 24-hexadecimal digit string that identifies your project. Use the [/groups](#tag/Projects/operation/listProjects) endpoint to retrieve all projects to which the authenticated user has access.
         *
         *     **NOTE**: Groups and projects are synonymous terms. Your group id is the same as your project id. For existing groups, your group/project id remains the same. The resource and corresponding endpoints use the term groups.
         */
        groupId: string;
        /** @description Flag that indicates whether the response returns the total number of items (`totalCount`) in the response. */
        includeCount: boolean;
        /** @description Number of items that the response returns per page. */
        itemsPerPage: number;
        /** @description Number of the page that displays the current set of the total objects that the response returns. */
        pageNum: number;
        /** @description Flag that indicates whether the response body should be in the prettyprint format. */
        pretty: boolean;
    };
    requestBodies: never;
    headers: {
        /** @description The maximum number of requests that a user can make within a specific time window. */
        HeaderRateLimitLimit: number;
        /** @description The number of requests remaining in the current rate limit window before the limit is reached. */
        HeaderRateLimitRemaining: number;
        /** @description The minimum time you should wait, in seconds, before retrying the API request. This header might be returned for 429 or 503 error responses. */
        HeaderRetryAfter: number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    createGroupDatabaseUser: {
        parameters: {
            query?: {
                /** @description Flag that indicates whether Application wraps the response in an `envelope` JSON object. Some API clients cannot access the HTTP response headers or status code. To remediate this, set envelope=true in the query. Endpoints that return a list of results use the results object as an envelope. Application adds the status parameter to the response body. */
                envelope?: components["parameters"]["envelope"];
                /** @description Flag that indicates whether the response body should be in the prettyprint format. */
                pretty?: components["parameters"]["pretty"];
            };
            header?: never;
            path: {
                /**
                 * @description Unique 24-hexadecimal digit string that identifies your project. Use the [/groups](#tag/Projects/operation/listProjects) endpoint to retrieve all projects to which the authenticated user has access.
                 *
                 *     **NOTE**: Groups and projects are synonymous terms. Your group id is the same as your project id. For existing groups, your group/project id remains the same. The resource and corresponding endpoints use the term groups.
                 */
                groupId: components["parameters"]["groupId"];
            };
            cookie?: never;
        };
        /** @description Creates one database user in the specified project. */
        requestBody: {
            content: {
                "application/vnd.atlas.2023-01-01+json": components["schemas"]["CloudDatabaseUser"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    "RateLimit-Limit": components["headers"]["HeaderRateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["HeaderRateLimitRemaining"];
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.atlas.2023-01-01+json": components["schemas"]["CloudDatabaseUser"];
                };
            };
            400: components["responses"]["badRequest"];
            401: components["responses"]["unauthorized"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["notFound"];
            409: components["responses"]["conflict"];
            429: components["responses"]["tooManyRequests"];
            500: components["responses"]["internalServerError"];
        };
    };
    getGroupDatabaseUser: {
        parameters: {
            query?: {
                /** @description Flag that indicates whether Application wraps the response in an `envelope` JSON object. Some API clients cannot access the HTTP response headers or status code. To remediate this, set envelope=true in the query. Endpoints that return a list of results use the results object as an envelope. Application adds the status parameter to the response body. */
                envelope?: components["parameters"]["envelope"];
                /** @description Flag that indicates whether the response body should be in the prettyprint format. */
                pretty?: components["parameters"]["pretty"];
            };
            header?: never;
            path: {
                /**
                 * @description Unique 24-hexadecimal digit string that identifies your project. Use the [/groups](#tag/Projects/operation/listProjects) endpoint to retrieve all projects to which the authenticated user has access.
                 *
                 *     **NOTE**: Groups and projects are synonymous terms. Your group id is the same as your project id. For existing groups, your group/project id remains the same. The resource and corresponding endpoints use the term groups.
                 */
                groupId: components["parameters"]["groupId"];
                /** @description The database against which the database user authenticates. Database users must provide both a username and authentication database to log into MongoDB. If the user authenticates with AWS IAM, x.509, LDAP, or OIDC Workload this value should be `$external`. If the user authenticates with SCRAM-SHA or OIDC Workforce, this value should be `admin`. */
                databaseName: string;
                /**
                 * @description Human-readable label that represents the user that authenticates to MongoDB. The format of this label depends on the method of authentication:
                 *
                 *     | Authentication Method | Parameter Needed | Parameter Value | username Format |
                 *     |---|---|---|---|
                 *     | AWS IAM | `awsIAMType` | `ROLE` | <abbr title="Amazon Resource Name">ARN</abbr> |
                 *     | AWS IAM | `awsIAMType` | `USER` | <abbr title="Amazon Resource Name">ARN</abbr> |
                 *     | x.509 | `x509Type` | `CUSTOMER` | [RFC 2253](https://tools.ietf.org/html/2253) Distinguished Name |
                 *     | x.509 | `x509Type` | `MANAGED` | [RFC 2253](https://tools.ietf.org/html/2253) Distinguished Name |
                 *     | LDAP | `ldapAuthType` | `USER` | [RFC 2253](https://tools.ietf.org/html/2253) Distinguished Name |
                 *     | LDAP | `ldapAuthType` | `GROUP` | [RFC 2253](https://tools.ietf.org/html/2253) Distinguished Name |
                 *     | OIDC Workforce | `oidcAuthType` | `IDP_GROUP` | Atlas OIDC IdP ID (found in federation settings), followed by a '/', followed by the IdP group name |
                 *     | OIDC Workload | `oidcAuthType` | `USER` | Atlas OIDC IdP ID (found in federation settings), followed by a '/', followed by the IdP user name |
                 *     | SCRAM-SHA | `awsIAMType`, `x509Type`, `ldapAuthType`, `oidcAuthType` | `NONE` | Alphanumeric string |
                 */
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["HeaderRateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["HeaderRateLimitRemaining"];
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.atlas.2023-01-01+json": components["schemas"]["CloudDatabaseUser"];
                };
            };
            401: components["responses"]["unauthorized"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["notFound"];
            429: components["responses"]["tooManyRequests"];
            500: components["responses"]["internalServerError"];
        };
    };
    deleteGroupDatabaseUser: {
        parameters: {
            query?: {
                /** @description Flag that indicates whether Application wraps the response in an `envelope` JSON object. Some API clients cannot access the HTTP response headers or status code. To remediate this, set envelope=true in the query. Endpoints that return a list of results use the results object as an envelope. Application adds the status parameter to the response body. */
                envelope?: components["parameters"]["envelope"];
                /** @description Flag that indicates whether the response body should be in the prettyprint format. */
                pretty?: components["parameters"]["pretty"];
            };
            header?: never;
            path: {
                /**
                 * @description Unique 24-hexadecimal digit string that identifies your project. Use the [/groups](#tag/Projects/operation/listProjects) endpoint to retrieve all projects to which the authenticated user has access.
                 *
                 *     **NOTE**: Groups and projects are synonymous terms. Your group id is the same as your project id. For existing groups, your group/project id remains the same. The resource and corresponding endpoints use the term groups.
                 */
                groupId: components["parameters"]["groupId"];
                /** @description The database against which the database user authenticates. Database users must provide both a username and authentication database to log into MongoDB. If the user authenticates with AWS IAM, x.509, LDAP, or OIDC Workload this value should be `$external`. If the user authenticates with SCRAM-SHA or OIDC Workforce, this value should be `admin`. */
                databaseName: string;
                /**
                 * @description Human-readable label that represents the user that authenticates to MongoDB. The format of this label depends on the method of authentication:
                 *
                 *     | Authentication Method | Parameter Needed | Parameter Value | username Format |
                 *     |---|---|---|---|
                 *     | AWS IAM | `awsIAMType` | `ROLE` | <abbr title="Amazon Resource Name">ARN</abbr> |
                 *     | AWS IAM | `awsIAMType` | `USER` | <abbr title="Amazon Resource Name">ARN</abbr> |
                 *     | x.509 | `x509Type` | `CUSTOMER` | [RFC 2253](https://tools.ietf.org/html/2253) Distinguished Name |
                 *     | x.509 | `x509Type` | `MANAGED` | [RFC 2253](https://tools.ietf.org/html/2253) Distinguished Name |
                 *     | LDAP | `ldapAuthType` | `USER` | [RFC 2253](https://tools.ietf.org/html/2253) Distinguished Name |
                 *     | LDAP | `ldapAuthType` | `GROUP` | [RFC 2253](https://tools.ietf.org/html/2253) Distinguished Name |
                 *     | OIDC Workforce | `oidcAuthType` | `IDP_GROUP` | Atlas OIDC IdP ID (found in federation settings), followed by a '/', followed by the IdP group name |
                 *     | OIDC Workload | `oidcAuthType` | `USER` | Atlas OIDC IdP ID (found in federation settings), followed by a '/', followed by the IdP user name |
                 *     | SCRAM-SHA | `awsIAMType`, `x509Type`, `ldapAuthType`, `oidcAuthType` | `NONE` | Alphanumeric string |
                 */
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    "RateLimit-Limit": components["headers"]["HeaderRateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["HeaderRateLimitRemaining"];
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.atlas.2023-01-01+json": unknown;
                };
            };
            401: components["responses"]["unauthorized"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["notFound"];
            429: components["responses"]["tooManyRequests"];
            500: components["responses"]["internalServerError"];
        };
    };
    updateGroupDatabaseUser: {
        parameters: {
            query?: {
                /** @description Flag that indicates whether Application wraps the response in an `envelope` JSON object. Some API clients cannot access the HTTP response headers or status code. To remediate this, set envelope=true in the query. Endpoints that return a list of results use the results object as an envelope. Application adds the status parameter to the response body. */
                envelope?: components["parameters"]["envelope"];
                /** @description Flag that indicates whether the response body should be in the prettyprint format. */
                pretty?: components["parameters"]["pretty"];
            };
            header?: never;
            path: {
                /**
                 * @description Unique 24-hexadecimal digit string that identifies your project. Use the [/groups](#tag/Projects/operation/listProjects) endpoint to retrieve all projects to which the authenticated user has access.
                 *
                 *     **NOTE**: Groups and projects are synonymous terms. Your group id is the same as your project id. For existing groups, your group/project id remains the same. The resource and corresponding endpoints use the term groups.
                 */
                groupId: components["parameters"]["groupId"];
                /** @description The database against which the database user authenticates. Database users must provide both a username and authentication database to log into MongoDB. If the user authenticates with AWS IAM, x.509, LDAP, or OIDC Workload this value should be `$external`. If the user authenticates with SCRAM-SHA or OIDC Workforce, this value should be `admin`. */
                databaseName: string;
                /**
                 * @description Human-readable label that represents the user that authenticates to MongoDB. The format of this label depends on the method of authentication:
                 *
                 *     | Authentication Method | Parameter Needed | Parameter Value | username Format |
                 *     |---|---|---|---|
                 *     | AWS IAM | `awsIAMType` | `ROLE` | <abbr title="Amazon Resource Name">ARN</abbr> |
                 *     | AWS IAM | `awsIAMType` | `USER` | <abbr title="Amazon Resource Name">ARN</abbr> |
                 *     | x.509 | `x509Type` | `CUSTOMER` | [RFC 2253](https://tools.ietf.org/html/2253) Distinguished Name |
                 *     | x.509 | `x509Type` | `MANAGED` | [RFC 2253](https://tools.ietf.org/html/2253) Distinguished Name |
                 *     | LDAP | `ldapAuthType` | `USER` | [RFC 2253](https://tools.ietf.org/html/2253) Distinguished Name |
                 *     | LDAP | `ldapAuthType` | `GROUP` | [RFC 2253](https://tools.ietf.org/html/2253) Distinguished Name |
                 *     | OIDC Workforce | `oidcAuthType` | `IDP_GROUP` | Atlas OIDC IdP ID (found in federation settings), followed by a '/', followed by the IdP group name |
                 *     | OIDC Workload | `oidcAuthType` | `USER` | Atlas OIDC IdP ID (found in federation settings), followed by a '/', followed by the IdP user name |
                 *     | SCRAM-SHA | `awsIAMType`, `x509Type`, `ldapAuthType`, `oidcAuthType` | `NONE` | Alphanumeric string |
                 */
                username: string;
            };
            cookie?: never;
        };
        /** @description Updates one database user that belongs to the specified project. */
        requestBody: {
            content: {
                "application/vnd.atlas.2023-01-01+json": components["schemas"]["CloudDatabaseUser"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["HeaderRateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["HeaderRateLimitRemaining"];
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.atlas.2023-01-01+json": components["schemas"]["CloudDatabaseUser"];
                };
            };
            400: components["responses"]["badRequest"];
            401: components["responses"]["unauthorized"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["notFound"];
            409: components["responses"]["conflict"];
            429: components["responses"]["tooManyRequests"];
            500: components["responses"]["internalServerError"];
        };
    };
    listGroupFlexClusters: {
        parameters: {
            query?: {
                /** @description Flag that indicates whether Application wraps the response in an `envelope` JSON object. Some API clients cannot access the HTTP response headers or status code. To remediate this, set envelope=true in the query. Endpoints that return a list of results use the results object as an envelope. Application adds the status parameter to the response body. */
                envelope?: components["parameters"]["envelope"];
                /** @description Flag that indicates whether the response returns the total number of items (`totalCount`) in the response. */
                includeCount?: components["parameters"]["includeCount"];
                /** @description Number of items that the response returns per page. */
                itemsPerPage?: components["parameters"]["itemsPerPage"];
                /** @description Number of the page that displays the current set of the total objects that the response returns. */
                pageNum?: components["parameters"]["pageNum"];
                /** @description Flag that indicates whether the response body should be in the prettyprint format. */
                pretty?: components["parameters"]["pretty"];
            };
            header?: never;
            path: {
                /**
                 * @description Unique 24-hexadecimal digit string that identifies your project. Use the [/groups](#tag/Projects/operation/listProjects) endpoint to retrieve all projects to which the authenticated user has access.
                 *
                 *     **NOTE**: Groups and projects are synonymous terms. Your group id is the same as your project id. For existing groups, your group/project id remains the same. The resource and corresponding endpoints use the term groups.
                 */
                groupId: components["parameters"]["groupId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["HeaderRateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["HeaderRateLimitRemaining"];
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.atlas.2024-11-13+json": components["schemas"]["PaginatedFlexClusters20241113"];
                };
            };
            401: components["responses"]["unauthorized"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["notFound"];
            409: components["responses"]["conflict"];
            429: components["responses"]["tooManyRequests"];
            500: components["responses"]["internalServerError"];
        };
    };
    createGroupFlexCluster: {
        parameters: {
            query?: {
                /** @description Flag that indicates whether Application wraps the response in an `envelope` JSON object. Some API clients cannot access the HTTP response headers or status code. To remediate this, set envelope=true in the query. Endpoints that return a list of results use the results object as an envelope. Application adds the status parameter to the response body. */
                envelope?: components["parameters"]["envelope"];
                /** @description Flag that indicates whether the response body should be in the prettyprint format. */
                pretty?: components["parameters"]["pretty"];
            };
            header?: never;
            path: {
                /**
                 * @description Unique 24-hexadecimal digit string that identifies your project. Use the [/groups](#tag/Projects/operation/listProjects) endpoint to retrieve all projects to which the authenticated user has access.
                 *
                 *     **NOTE**: Groups and projects are synonymous terms. Your group id is the same as your project id. For existing groups, your group/project id remains the same. The resource and corresponding endpoints use the term groups.
                 */
                groupId: components["parameters"]["groupId"];
            };
            cookie?: never;
        };
        /** @description Create One Flex Cluster in One Project. */
        requestBody: {
            content: {
                "application/vnd.atlas.2024-11-13+json": components["schemas"]["FlexClusterDescriptionCreate20241113"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "RateLimit-Limit": components["headers"]["HeaderRateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["HeaderRateLimitRemaining"];
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.atlas.2024-11-13+json": components["schemas"]["FlexClusterDescription20241113"];
                };
            };
            400: components["responses"]["badRequest"];
            401: components["responses"]["unauthorized"];
            402: components["responses"]["paymentRequired"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["notFound"];
            409: components["responses"]["conflict"];
            429: components["responses"]["tooManyRequests"];
            500: components["responses"]["internalServerError"];
        };
    };
    getGroupFlexCluster: {
        parameters: {
            query?: {
                /** @description Flag that indicates whether Application wraps the response in an `envelope` JSON object. Some API clients cannot access the HTTP response headers or status code. To remediate this, set envelope=true in the query. Endpoints that return a list of results use the results object as an envelope. Application adds the status parameter to the response body. */
                envelope?: components["parameters"]["envelope"];
                /** @description Flag that indicates whether the response body should be in the prettyprint format. */
                pretty?: components["parameters"]["pretty"];
            };
            header?: never;
            path: {
                /**
                 * @description Unique 24-hexadecimal digit string that identifies your project. Use the [/groups](#tag/Projects/operation/listProjects) endpoint to retrieve all projects to which the authenticated user has access.
                 *
                 *     **NOTE**: Groups and projects are synonymous terms. Your group id is the same as your project id. For existing groups, your group/project id remains the same. The resource and corresponding endpoints use the term groups.
                 */
                groupId: components["parameters"]["groupId"];
                /** @description Human-readable label that identifies the flex cluster. */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["HeaderRateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["HeaderRateLimitRemaining"];
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.atlas.2024-11-13+json": components["schemas"]["FlexClusterDescription20241113"];
                };
            };
            400: components["responses"]["badRequest"];
            401: components["responses"]["unauthorized"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["notFound"];
            409: components["responses"]["conflict"];
            429: components["responses"]["tooManyRequests"];
            500: components["responses"]["internalServerError"];
        };
    };
    deleteGroupFlexCluster: {
        parameters: {
            query?: {
                /** @description Flag that indicates whether Application wraps the response in an `envelope` JSON object. Some API clients cannot access the HTTP response headers or status code. To remediate this, set envelope=true in the query. Endpoints that return a list of results use the results object as an envelope. Application adds the status parameter to the response body. */
                envelope?: components["parameters"]["envelope"];
                /** @description Flag that indicates whether the response body should be in the prettyprint format. */
                pretty?: components["parameters"]["pretty"];
            };
            header?: never;
            path: {
                /**
                 * @description Unique 24-hexadecimal digit string that identifies your project. Use the [/groups](#tag/Projects/operation/listProjects) endpoint to retrieve all projects to which the authenticated user has access.
                 *
                 *     **NOTE**: Groups and projects are synonymous terms. Your group id is the same as your project id. For existing groups, your group/project id remains the same. The resource and corresponding endpoints use the term groups.
                 */
                groupId: components["parameters"]["groupId"];
                /** @description Human-readable label that identifies the flex cluster. */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    "RateLimit-Limit": components["headers"]["HeaderRateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["HeaderRateLimitRemaining"];
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.atlas.2024-11-13+json": unknown;
                };
            };
            400: components["responses"]["badRequest"];
            401: components["responses"]["unauthorized"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["notFound"];
            409: components["responses"]["conflict"];
            429: components["responses"]["tooManyRequests"];
            500: components["responses"]["internalServerError"];
        };
    };
}

/**
 * GENERATED FILE - do not edit. Regenerate with `npm run gen:atlas-types` (node atlas/generate-types.mjs).
 * Generator: openapi-typescript 7.13.0, default options.
 * Input: atlas/spec/atlas-admin-api.flex-cluster.latest.openapi.json (sha256 06c450f8fdaef914bd514c062964154e2fbd9a3f7294a5835a91a4c9c9853030)
 * Spec source: mongodb/mongodb-atlas-cli tools/internal/specs/spec.yaml @ 6fd452a08ad9fdd0c3b5ca4ec1eca5fc1ea26253 (2026-08-21),
 *   upstream mongodb/openapi x-xgen-sha f84b8e4346991132f70f5610809ad1b6af020975
 */
export interface paths {
    "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Return One Cluster from One Project
         * @description Returns the details for one cluster in the specified project. Clusters contain a group of hosts that maintain the same data set. The response includes clusters with asymmetrically-sized shards. This feature is not available for serverless clusters.
         *
         *     This endpoint can also be used on Flex clusters that were created using the [Create Cluster](https://www.mongodb.com/docs/atlas/reference/api-resources-spec/v2/#tag/Clusters/operation/createCluster) endpoint or former M2/M5 clusters that have been migrated to Flex clusters until January 2026. Please use the Get Flex Cluster endpoint for Flex clusters instead.
         */
        get: operations["getGroupCluster"];
        put?: never;
        post?: never;
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
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/atlas/v2/groups/{groupId}/flexClusters/{name}/backup/download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Download One Flex Cluster Snapshot
         * @description Requests one snapshot for the specified flex cluster. This resource returns a `snapshotURL` that you can use to download the snapshot. This `snapshotURL` remains active for four hours after you make the request.
         */
        post: operations["downloadGroupFlexClusterBackup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/atlas/v2/groups/{groupId}/flexClusters/{name}/backup/restoreJobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Return All Restore Jobs for One Flex Cluster
         * @description Returns all restore jobs for one flex cluster from the specified project.
         */
        get: operations["listGroupFlexClusterBackupRestoreJobs"];
        put?: never;
        /**
         * Create One Restore Job for One Flex Cluster
         * @description Restores one snapshot of one flex cluster from the specified project.
         */
        post: operations["createGroupFlexClusterBackupRestoreJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/atlas/v2/groups/{groupId}/flexClusters/{name}/backup/restoreJobs/{restoreJobId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Return One Restore Job for One Flex Cluster
         * @description Returns one restore job for one flex cluster from the specified project.
         */
        get: operations["getGroupFlexClusterBackupRestoreJob"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/atlas/v2/groups/{groupId}/flexClusters/{name}/backup/snapshots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Return All Snapshots for One Flex Cluster
         * @description Returns all snapshots of one flex cluster from the specified project.
         */
        get: operations["listGroupFlexClusterBackupSnapshots"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/atlas/v2/groups/{groupId}/flexClusters/{name}/backup/snapshots/{snapshotId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Return One Snapshot for One Flex Cluster
         * @description Returns one snapshot of one flex cluster from the specified project.
         */
        get: operations["getGroupFlexClusterBackupSnapshot"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AWSCloudProviderSettings: Omit<components["schemas"]["ClusterProviderSettings"], "providerName"> & {
            autoScaling?: components["schemas"]["CloudProviderAWSAutoScaling"];
            /**
             * Format: int32
             * @description Maximum Disk Input/Output Operations per Second (IOPS) that the database host can perform.
             */
            diskIOPS?: number;
            /**
             * @deprecated
             * @description Flag that indicates whether the Amazon Elastic Block Store (EBS) encryption feature encrypts the host's root volume for both data at rest within the volume and for data moving between the volume and the cluster. Clusters always have this setting enabled.
             * @default true
             */
            encryptEBSVolume: boolean;
            /**
             * AWS Instance Sizes
             * @description Cluster tier, with a default storage and memory capacity, that applies to all the data-bearing hosts in your cluster.
             * @enum {string}
             */
            instanceSizeName?: "M10" | "M20" | "M30" | "M40" | "M50" | "M60" | "M80" | "M100" | "M140" | "M200" | "M300" | "R40" | "R50" | "R60" | "R80" | "R200" | "R300" | "R400" | "R700" | "M40_NVME" | "M50_NVME" | "M60_NVME" | "M80_NVME" | "M200_NVME" | "M400_NVME" | "M30_GEN_2" | "M40_GEN_2" | "M50_GEN_2" | "M60_GEN_2" | "M80_GEN_2" | "M140_GEN_2" | "M200_GEN_2" | "M300_GEN_2" | "R40_GEN_2" | "R50_GEN_2" | "R60_GEN_2" | "R80_GEN_2" | "R200_GEN_2" | "R300_GEN_2" | "R400_GEN_2" | "R700_GEN_2" | "M40_NVME_GEN_2" | "M50_NVME_GEN_2" | "M60_NVME_GEN_2" | "M80_NVME_GEN_2" | "M200_NVME_GEN_2" | "M400_NVME_GEN_2";
            /**
             * AWS Regions
             * @description Physical location where MongoDB Cloud deploys your AWS-hosted MongoDB cluster nodes. The region you choose can affect network latency for clients accessing your databases. When MongoDB Cloud deploys a dedicated cluster, it checks if a VPC or VPC connection exists for that provider and region. If not, MongoDB Cloud creates them as part of the deployment. MongoDB Cloud assigns the VPC a CIDR block. To limit a new VPC peering connection to one CIDR block and region, create the connection first. Deploy the cluster after the connection starts.
             * @enum {string}
             */
            regionName?: "US_GOV_WEST_1" | "US_GOV_EAST_1" | "US_EAST_1" | "US_EAST_2" | "US_WEST_1" | "US_WEST_2" | "CA_CENTRAL_1" | "EU_NORTH_1" | "EU_WEST_1" | "EU_WEST_2" | "EU_WEST_3" | "EU_CENTRAL_1" | "EU_CENTRAL_2" | "AP_EAST_1" | "AP_EAST_2" | "AP_NORTHEAST_1" | "AP_NORTHEAST_2" | "AP_NORTHEAST_3" | "AP_SOUTHEAST_1" | "AP_SOUTHEAST_2" | "AP_SOUTHEAST_3" | "AP_SOUTHEAST_4" | "AP_SOUTHEAST_5" | "AP_SOUTHEAST_6" | "AP_SOUTHEAST_7" | "AP_SOUTH_1" | "AP_SOUTH_2" | "SA_EAST_1" | "CN_NORTH_1" | "CN_NORTHWEST_1" | "ME_SOUTH_1" | "ME_CENTRAL_1" | "AF_SOUTH_1" | "EU_SOUTH_1" | "EU_SOUTH_2" | "IL_CENTRAL_1" | "CA_WEST_1" | "MX_CENTRAL_1" | "GLOBAL";
            /**
             * @description Disk Input/Output Operations per Second (IOPS) setting for Amazon Web Services (AWS) storage that you configure only for AWS. Specify whether Disk Input/Output Operations per Second (IOPS) must not exceed the default Input/Output Operations per Second (IOPS) rate for the selected volume size (`STANDARD`), or must fall within the allowable Input/Output Operations per Second (IOPS) range for the selected volume size (`PROVISIONED` or `HIGH_PERFORMANCE`). NVMe clusters require either `PROVISIONED` or `HIGH_PERFORMANCE`.
             * @enum {string}
             */
            volumeType?: "STANDARD" | "PROVISIONED" | "HIGH_PERFORMANCE";
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            providerName: "AWS";
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            providerName: "AWS";
        };
        /**
         * AWS
         * @description Collection of settings that configures how a cluster might scale its cluster tier and whether the cluster can scale down. Cluster tier auto-scaling is unavailable for clusters using Low CPU or NVME storage classes.
         */
        AWSComputeAutoScaling: {
            /**
             * AWS Instance Sizes
             * @description Maximum instance size to which your cluster can automatically scale.
             * @enum {string}
             */
            maxInstanceSize?: "M10" | "M20" | "M30" | "M40" | "M50" | "M60" | "M80" | "M100" | "M140" | "M200" | "M300" | "R40" | "R50" | "R60" | "R80" | "R200" | "R300" | "R400" | "R700" | "M40_NVME" | "M50_NVME" | "M60_NVME" | "M80_NVME" | "M200_NVME" | "M400_NVME" | "M30_GEN_2" | "M40_GEN_2" | "M50_GEN_2" | "M60_GEN_2" | "M80_GEN_2" | "M140_GEN_2" | "M200_GEN_2" | "M300_GEN_2" | "R40_GEN_2" | "R50_GEN_2" | "R60_GEN_2" | "R80_GEN_2" | "R200_GEN_2" | "R300_GEN_2" | "R400_GEN_2" | "R700_GEN_2" | "M40_NVME_GEN_2" | "M50_NVME_GEN_2" | "M60_NVME_GEN_2" | "M80_NVME_GEN_2" | "M200_NVME_GEN_2" | "M400_NVME_GEN_2";
            /**
             * AWS Instance Sizes
             * @description Minimum instance size to which your cluster can automatically scale.
             * @enum {string}
             */
            minInstanceSize?: "M10" | "M20" | "M30" | "M40" | "M50" | "M60" | "M80" | "M100" | "M140" | "M200" | "M300" | "R40" | "R50" | "R60" | "R80" | "R200" | "R300" | "R400" | "R700" | "M40_NVME" | "M50_NVME" | "M60_NVME" | "M80_NVME" | "M200_NVME" | "M400_NVME" | "M30_GEN_2" | "M40_GEN_2" | "M50_GEN_2" | "M60_GEN_2" | "M80_GEN_2" | "M140_GEN_2" | "M200_GEN_2" | "M300_GEN_2" | "R40_GEN_2" | "R50_GEN_2" | "R60_GEN_2" | "R80_GEN_2" | "R200_GEN_2" | "R300_GEN_2" | "R400_GEN_2" | "R700_GEN_2" | "M40_NVME_GEN_2" | "M50_NVME_GEN_2" | "M60_NVME_GEN_2" | "M80_NVME_GEN_2" | "M200_NVME_GEN_2" | "M400_NVME_GEN_2";
        };
        /**
         * AWS Cluster Hardware Settings
         * @description Hardware specifications for nodes deployed in the region.
         */
        AWSHardwareSpec: {
            /**
             * Format: int32
             * @description Target IOPS (Input/Output Operations Per Second) desired for storage attached to this hardware.
             *
             *      Change this parameter if you:
             *
             *     - set `replicationSpecs[n].regionConfigs[m].providerName` to `AWS`.
             *     - set `replicationSpecs[n].regionConfigs[m].electableSpecs.instanceSize` to `M30` or greater (not including `Mxx_NVME` tiers).
             *
             *     - set `replicationSpecs[n].regionConfigs[m].electableSpecs.ebsVolumeType` to `PROVISIONED`.
             *
             *     The maximum input/output operations per second (IOPS) depend on the selected `.instanceSize` and `.diskSizeGB`.
             *     This parameter defaults to the cluster tier's standard IOPS value.
             *     Changing this value impacts cluster cost.
             *     MongoDB Cloud enforces minimum ratios of storage capacity to system memory for given cluster tiers. This keeps cluster performance consistent with large datasets.
             *
             *     - Instance sizes `M10` to `M40` have a ratio of disk capacity to system memory of 60:1.
             *     - Instance sizes greater than `M40` have a ratio of 120:1.
             */
            diskIOPS?: number;
            /**
             * Format: int32
             * @description Target throughput desired for storage attached to this hardware. Only returned for Gen 2 instance sizes with Standard (GP3) volume type.
             */
            readonly diskThroughput?: number;
            /**
             * @description Type of storage you want to attach to your AWS-provisioned cluster.
             *
             *     - `STANDARD` volume types can't exceed the default input/output operations per second (IOPS) rate for the selected volume size.
             *
             *     - `PROVISIONED` volume types must fall within the allowable IOPS range for the selected volume size.
             *
             *     - `HIGH_PERFORMANCE` volume types use IO2 EBS volumes and must fall within the allowable IOPS range for the selected volume size.
             *
             *     NVMe clusters require either `PROVISIONED` or `HIGH_PERFORMANCE`.
             * @default STANDARD
             * @enum {string}
             */
            ebsVolumeType: "STANDARD" | "PROVISIONED" | "HIGH_PERFORMANCE";
            /**
             * AWS Instance Sizes
             * @description Hardware specification for the instance sizes in this region. Each instance size has a default storage and memory capacity. The instance size you select applies to all the data-bearing hosts of the node type.
             * @enum {string}
             */
            instanceSize?: "M10" | "M20" | "M30" | "M40" | "M50" | "M60" | "M80" | "M100" | "M140" | "M200" | "M300" | "R40" | "R50" | "R60" | "R80" | "R200" | "R300" | "R400" | "R700" | "M40_NVME" | "M50_NVME" | "M60_NVME" | "M80_NVME" | "M200_NVME" | "M400_NVME" | "M30_GEN_2" | "M40_GEN_2" | "M50_GEN_2" | "M60_GEN_2" | "M80_GEN_2" | "M140_GEN_2" | "M200_GEN_2" | "M300_GEN_2" | "R40_GEN_2" | "R50_GEN_2" | "R60_GEN_2" | "R80_GEN_2" | "R200_GEN_2" | "R300_GEN_2" | "R400_GEN_2" | "R700_GEN_2" | "M40_NVME_GEN_2" | "M50_NVME_GEN_2" | "M60_NVME_GEN_2" | "M80_NVME_GEN_2" | "M200_NVME_GEN_2" | "M400_NVME_GEN_2";
            /**
             * Format: int32
             * @description Number of nodes of the given type for MongoDB Cloud to deploy to the region.
             */
            nodeCount?: number;
        };
        /**
         * AWS Cluster Hardware Settings
         * @description Hardware specifications for nodes deployed in the region.
         */
        AWSHardwareSpec20240805: {
            /**
             * Format: int32
             * @description Target IOPS (Input/Output Operations Per Second) desired for storage attached to this hardware.
             *
             *      You can set different IOPS values on different shards when provisioned IOPS are supported.
             *
             *      Change this parameter if you:
             *
             *     - set `replicationSpecs[n].regionConfigs[m].providerName` to `AWS`.
             *     - set `replicationSpecs[n].regionConfigs[m].electableSpecs.instanceSize` to `M30` or greater (not including `Mxx_NVME` tiers).
             *
             *     - set `replicationSpecs[n].regionConfigs[m].electableSpecs.ebsVolumeType` to `PROVISIONED`.
             *
             *     The maximum input/output operations per second (IOPS) depend on the selected `.instanceSize` and `.diskSizeGB`.
             *     This parameter defaults to the cluster tier's standard IOPS value.
             *     Changing this value impacts cluster cost.
             *     MongoDB Cloud enforces minimum ratios of storage capacity to system memory for given cluster tiers. This keeps cluster performance consistent with large datasets.
             *
             *     - Instance sizes `M10` to `M40` have a ratio of disk capacity to system memory of 60:1.
             *     - Instance sizes greater than `M40` have a ratio of 120:1.
             */
            diskIOPS?: number;
            /**
             * Format: double
             * @description Storage capacity of instance data volumes expressed in gigabytes. Increase this number to add capacity.
             *
             *      This value must be equal for all shards and node types.
             *
             *      This value is not configurable on M0/M2/M5 clusters.
             *
             *      MongoDB Cloud requires this parameter if you set `replicationSpecs`.
             *
             *      If you specify a disk size below the minimum (10 GB), this parameter defaults to the minimum disk size value.
             *
             *      Storage charge calculations depend on whether you choose the default value or a custom value.
             *
             *      The maximum value for disk storage cannot exceed 50 times the maximum RAM for the selected cluster. If you require more storage space, consider upgrading your cluster to a higher tier.
             */
            diskSizeGB?: number;
            /**
             * Format: int32
             * @description Target throughput desired for storage attached to this hardware. Only returned for Gen 2 instance sizes with Standard (GP3) volume type.
             */
            readonly diskThroughput?: number;
            /**
             * @description Type of storage you want to attach to your AWS-provisioned cluster.
             *
             *     - `STANDARD` volume types can't exceed the default input/output operations per second (IOPS) rate for the selected volume size.
             *
             *     - `PROVISIONED` volume types must fall within the allowable IOPS range for the selected volume size.
             *
             *     - `HIGH_PERFORMANCE` volume types use IO2 EBS volumes and must fall within the allowable IOPS range for the selected volume size.
             *
             *     NVMe clusters require either `PROVISIONED` or `HIGH_PERFORMANCE`.
             * @default STANDARD
             * @enum {string}
             */
            ebsVolumeType: "STANDARD" | "PROVISIONED" | "HIGH_PERFORMANCE";
            /**
             * AWS Instance Sizes
             * @description Hardware specification for the instance sizes in this region in this shard. Each instance size has a default storage and memory capacity. Electable nodes and read-only nodes (known as "base nodes") within a single shard must use the same instance size. Analytics nodes can scale independently from base nodes within a shard. Both base nodes and analytics nodes can scale independently from their equivalents in other shards.
             * @enum {string}
             */
            instanceSize?: "M10" | "M20" | "M30" | "M40" | "M50" | "M60" | "M80" | "M100" | "M140" | "M200" | "M300" | "R40" | "R50" | "R60" | "R80" | "R200" | "R300" | "R400" | "R700" | "M40_NVME" | "M50_NVME" | "M60_NVME" | "M80_NVME" | "M200_NVME" | "M400_NVME" | "M30_GEN_2" | "M40_GEN_2" | "M50_GEN_2" | "M60_GEN_2" | "M80_GEN_2" | "M140_GEN_2" | "M200_GEN_2" | "M300_GEN_2" | "R40_GEN_2" | "R50_GEN_2" | "R60_GEN_2" | "R80_GEN_2" | "R200_GEN_2" | "R300_GEN_2" | "R400_GEN_2" | "R700_GEN_2" | "M40_NVME_GEN_2" | "M50_NVME_GEN_2" | "M60_NVME_GEN_2" | "M80_NVME_GEN_2" | "M200_NVME_GEN_2" | "M400_NVME_GEN_2";
            /**
             * Format: int32
             * @description Number of nodes of the given type for MongoDB Cloud to deploy to the region.
             * @example 3
             */
            nodeCount?: number;
        };
        /**
         * AWS Regional Replication Specifications
         * @description Details that explain how MongoDB Cloud replicates data in one region on the specified MongoDB database.
         */
        AWSRegionConfig: Omit<components["schemas"]["CloudRegionConfig"], "providerName"> & {
            analyticsAutoScaling?: components["schemas"]["AdvancedAutoScalingSettings"];
            analyticsSpecs?: components["schemas"]["DedicatedHardwareSpec"];
            autoScaling?: components["schemas"]["AdvancedAutoScalingSettings"];
            readOnlySpecs?: components["schemas"]["DedicatedHardwareSpec"];
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            providerName: "AWS";
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            providerName: "AWS";
        };
        /**
         * AWS Regional Replication Specifications
         * @description Details that explain how MongoDB Cloud replicates data in one region on the specified MongoDB database.
         */
        AWSRegionConfig20240805: Omit<components["schemas"]["CloudRegionConfig20240805"], "providerName"> & {
            analyticsAutoScaling?: components["schemas"]["AdvancedAutoScalingSettings"];
            analyticsSpecs?: components["schemas"]["DedicatedHardwareSpec20240805"];
            autoScaling?: components["schemas"]["AdvancedAutoScalingSettings"];
            effectiveAnalyticsSpecs?: components["schemas"]["DedicatedHardwareSpec20240805"];
            effectiveElectableSpecs?: components["schemas"]["DedicatedHardwareSpec20240805"];
            effectiveReadOnlySpecs?: components["schemas"]["DedicatedHardwareSpec20240805"];
            readOnlySpecs?: components["schemas"]["DedicatedHardwareSpec20240805"];
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            providerName: "AWS";
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            providerName: "AWS";
        };
        /**
         * Automatic Scaling Settings
         * @description Options that determine how this cluster handles resource scaling.
         */
        AdvancedAutoScalingSettings: {
            compute?: components["schemas"]["AdvancedComputeAutoScaling"];
            diskGB?: components["schemas"]["DiskGBAutoScaling"];
        };
        AdvancedClusterDescription: {
            /**
             * Format: date-time
             * @description If reconfiguration is necessary to regain a primary due to a regional outage, submit this field alongside your topology reconfiguration to request a new regional outage resistant topology. Forced reconfigurations during an outage of the majority of electable nodes carry a risk of data loss if replicated writes (even majority committed writes) have not been replicated to the new primary node. MongoDB Atlas docs contain more information. To proceed with an operation which carries that risk, set `acceptDataRisksAndForceReplicaSetReconfig` to the current date. This parameter expresses its value in the ISO 8601 timestamp format in UTC.
             */
            acceptDataRisksAndForceReplicaSetReconfig?: string;
            advancedConfiguration?: components["schemas"]["ApiAtlasClusterAdvancedConfigurationView"];
            /**
             * @description Flag that indicates whether the cluster can perform backups. If set to `true`, the cluster can perform backups. You must set this value to `true` for NVMe clusters. Backup uses [Cloud Backups](https://docs.atlas.mongodb.com/backup/cloud-backup/overview/) for dedicated clusters and [Shared Cluster Backups](https://docs.atlas.mongodb.com/backup/shared-tier/overview/) for tenant clusters. If set to `false`, the cluster doesn't use backups.
             * @default false
             */
            backupEnabled: boolean;
            biConnector?: components["schemas"]["BiConnector"];
            /**
             * @description Configuration of nodes that comprise the cluster.
             * @enum {string}
             */
            clusterType?: "REPLICASET" | "SHARDED" | "GEOSHARDED";
            /**
             * @description Config Server Management Mode for creating or updating a sharded cluster. When configured as `ATLAS_MANAGED`, Atlas may automatically switch the cluster's config server type for optimal performance and savings. When configured as `FIXED_TO_DEDICATED`, the cluster will always use a dedicated config server.
             * @default ATLAS_MANAGED
             * @enum {string}
             */
            configServerManagementMode: "ATLAS_MANAGED" | "FIXED_TO_DEDICATED";
            /**
             * @description Describes a sharded cluster's config server type.
             * @enum {string}
             */
            readonly configServerType?: "DEDICATED" | "EMBEDDED";
            connectionStrings?: components["schemas"]["ClusterConnectionStrings"];
            /**
             * Format: date-time
             * @description Date and time when MongoDB Cloud created this cluster. This parameter expresses its value in ISO 8601 format in UTC.
             */
            readonly createDate?: string;
            /**
             * Format: double
             * @description Storage capacity of instance data volumes expressed in gigabytes. Increase this number to add capacity.
             *
             *      This value is not configurable on M0/M2/M5 clusters.
             *
             *      MongoDB Cloud requires this parameter if you set `replicationSpecs`.
             *
             *      If you specify a disk size below the minimum (10 GB), this parameter defaults to the minimum disk size value.
             *
             *      Storage charge calculations depend on whether you choose the default value or a custom value.
             *
             *      The maximum value for disk storage cannot exceed 50 times the maximum RAM for the selected cluster. If you require more storage space, consider upgrading your cluster to a higher tier.
             */
            diskSizeGB?: number;
            /**
             * @description Disk warming mode selection.
             * @default FULLY_WARMED
             * @enum {string}
             */
            diskWarmingMode: "FULLY_WARMED" | "VISIBLE_EARLIER" | "ENHANCED_FULLY_WARMED";
            /**
             * @description Cloud service provider that manages your customer keys to provide an additional layer of encryption at rest for the cluster. To enable customer key management for encryption at rest, the cluster `replicationSpecs[n].regionConfigs[m].{type}Specs.instanceSize` setting must be `M10` or higher and `"backupEnabled" : false` or omitted entirely.
             * @enum {string}
             */
            encryptionAtRestProvider?: "NONE" | "AWS" | "AZURE" | "GCP";
            /** @description Feature compatibility version of the cluster. */
            readonly featureCompatibilityVersion?: string;
            /**
             * Format: date-time
             * @description Feature compatibility version expiration date. This parameter expresses its value in the ISO 8601 timestamp format in UTC.
             */
            readonly featureCompatibilityVersionExpirationDate?: string;
            /**
             * @description Set this field to configure the Sharding Management Mode when creating a new Global Cluster.
             *
             *     When set to false, the management mode is set to Atlas-Managed Sharding. This mode fully manages the sharding of your Global Cluster and is built to provide a seamless deployment experience.
             *
             *     When set to true, the management mode is set to Self-Managed Sharding. This mode leaves the management of shards in your hands and is built to provide an advanced and flexible deployment experience.
             *
             *     This setting cannot be changed once the cluster is deployed.
             */
            globalClusterSelfManagedSharding?: boolean;
            /**
             * @description Unique 24-hexadecimal character string that identifies the project.
             * @example 32b6e34b3d91647abb20e7b8
             */
            readonly groupId?: string;
            /**
             * @description Unique 24-hexadecimal digit string that identifies the cluster.
             * @example 32b6e34b3d91647abb20e7b8
             */
            readonly id?: string;
            /**
             * @deprecated
             * @description Collection of key-value pairs between 1 to 255 characters in length that tag and categorize the cluster. The MongoDB Cloud console doesn't display your labels.
             *
             *     Cluster labels are deprecated and will be removed in a future release. We strongly recommend that you use Resource tags instead.
             */
            labels?: components["schemas"]["ComponentLabel"][];
            /** @description List of one or more Uniform Resource Locators (URLs) that point to API sub-resources, related API resources, or both. RFC 5988 outlines these relationships. */
            readonly links?: components["schemas"]["Link"][];
            mongoDBEmployeeAccessGrant?: components["schemas"]["EmployeeAccessGrantView"];
            /**
             * @description MongoDB major version of the cluster.
             *
             *     On creation: Choose from the available versions of MongoDB, or leave unspecified for the current recommended default in the MongoDB Cloud platform. The recommended version is a recent Long Term Support version. The default is not guaranteed to be the most recently released version throughout the entire release cycle. For versions available in a specific project, see the linked documentation or use the API endpoint for [project LTS versions endpoint](#tag/Projects/operation/getProjectLTSVersions).
             *
             *      On update: Increase version only by 1 major version at a time. If the cluster is pinned to a MongoDB feature compatibility version exactly one major version below the current MongoDB version, the MongoDB version can be downgraded to the previous major version.
             */
            mongoDBMajorVersion?: string;
            /** @description Version of MongoDB that the cluster runs. */
            readonly mongoDBVersion?: string;
            /** @description Human-readable label that identifies the advanced cluster. */
            name?: string;
            /** @description Flag that indicates whether the cluster is paused. */
            paused?: boolean;
            /** @description Flag that indicates whether the cluster uses continuous cloud backups. */
            pitEnabled?: boolean;
            /**
             * @description Set this field to configure the replica set scaling mode for your cluster.
             *
             *     By default, Atlas scales under `WORKLOAD_TYPE`. This mode allows Atlas to scale your analytics nodes in parallel to your operational nodes.
             *
             *     When configured as `SEQUENTIAL`, Atlas scales all nodes sequentially. This mode is intended for steady-state workloads and applications performing latency-sensitive secondary reads.
             *
             *     When configured as `NODE_TYPE`, Atlas scales your electable nodes in parallel with your read-only and analytics nodes. This mode is intended for large, dynamic workloads requiring frequent and timely cluster tier scaling. This is the fastest scaling strategy, but it might impact latency of workloads when performing extensive secondary reads.
             * @default WORKLOAD_TYPE
             * @enum {string}
             */
            replicaSetScalingStrategy: "SEQUENTIAL" | "WORKLOAD_TYPE" | "NODE_TYPE";
            /** @description List of settings that configure your cluster regions. For Global Clusters, each object in the array represents a zone where your clusters nodes deploy. For non-Global sharded clusters and replica sets, this array has one object representing where your clusters nodes deploy. */
            replicationSpecs?: components["schemas"]["ReplicationSpec"][];
            /**
             * @description Root Certificate Authority that MongoDB Atlas cluster uses. MongoDB Cloud supports Internet Security Research Group.
             * @default ISRGROOTX1
             * @enum {string}
             */
            rootCertType: "ISRGROOTX1";
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
            /** @description List that contains key-value pairs between 1 to 255 characters in length for tagging and categorizing the cluster. */
            tags?: components["schemas"]["ResourceTag"][];
            /**
             * @description Flag that indicates whether termination protection is enabled on the cluster. If set to `true`, MongoDB Cloud won't delete the cluster. If set to `false`, MongoDB Cloud will delete the cluster.
             * @default false
             */
            terminationProtectionEnabled: boolean;
            /**
             * @description Method by which the cluster maintains the MongoDB versions. If value is `CONTINUOUS`, you must not specify `mongoDBMajorVersion`.
             * @default LTS
             * @enum {string}
             */
            versionReleaseSystem: "LTS" | "CONTINUOUS";
        };
        /**
         * Automatic Compute Scaling Settings
         * @description Options that determine how this cluster handles CPU scaling.
         */
        AdvancedComputeAutoScaling: {
            /**
             * @description Flag that indicates whether instance size reactive auto-scaling is enabled.
             *
             *     - Set to `true` to enable instance size reactive auto-scaling. If enabled, you must specify a value for `replicationSpecs[n].regionConfigs[m].autoScaling.compute.maxInstanceSize`.
             *     - Set to `false` to disable instance size reactive auto-scaling.
             */
            enabled?: boolean;
            maxInstanceSize?: components["schemas"]["BaseCloudProviderInstanceSize"];
            minInstanceSize?: components["schemas"]["BaseCloudProviderInstanceSize"];
            /** @description Flag that indicates whether the instance size may scale down via reactive auto-scaling. MongoDB Cloud requires this parameter if `replicationSpecs[n].regionConfigs[m].autoScaling.compute.enabled` is `true`. If you enable this option, specify a value for `replicationSpecs[n].regionConfigs[m].autoScaling.compute.minInstanceSize`. */
            scaleDownEnabled?: boolean;
        };
        /** @description Group of settings that configures a subset of the advanced configuration details. */
        ApiAtlasClusterAdvancedConfigurationView: {
            /** @description The custom OpenSSL cipher suite list for TLS 1.2. Requires `tlsCipherConfigMode` = `CUSTOM`; when `tlsCipherConfigMode` is omitted, supplying a non-empty list infers `CUSTOM`. */
            customOpensslCipherConfigTls12?: ("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384" | "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")[];
            /** @description The custom OpenSSL cipher suite list for TLS 1.3. Requires `tlsCipherConfigMode` = `CUSTOM`; when `tlsCipherConfigMode` is omitted, supplying a non-empty list infers `CUSTOM`. */
            customOpensslCipherConfigTls13?: ("TLS_AES_256_GCM_SHA384" | "TLS_CHACHA20_POLY1305_SHA256" | "TLS_AES_128_GCM_SHA256" | "TLS_AES_128_CCM_SHA256")[];
            /**
             * @description Minimum Transport Layer Security (TLS) version that the cluster accepts for incoming connections. Clusters using TLS 1.0 or 1.1 should consider setting TLS 1.2 as the minimum TLS protocol version.
             * @enum {string}
             */
            minimumEnabledTlsProtocol?: "TLS1_0" | "TLS1_1" | "TLS1_2" | "TLS1_3";
            /**
             * @description The TLS cipher suite configuration mode. The default mode uses the default cipher suites. The custom mode allows you to specify custom cipher suites for both TLS 1.2 and TLS 1.3.
             * @enum {string}
             */
            tlsCipherConfigMode?: "CUSTOM" | "DEFAULT";
        };
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
        AzureCloudProviderSettings: Omit<components["schemas"]["ClusterProviderSettings"], "providerName"> & {
            autoScaling?: components["schemas"]["CloudProviderAzureAutoScaling"];
            /**
             * @description Disk type that corresponds to the host's root volume for Azure instances. If omitted, the default disk type for the selected `providerSettings.instanceSizeName` applies.
             * @enum {string}
             */
            diskTypeName?: "P2" | "P3" | "P4" | "P6" | "P10" | "P15" | "P20" | "P30" | "P40" | "P50";
            /**
             * Azure Instance Sizes
             * @description Cluster tier, with a default storage and memory capacity, that applies to all the data-bearing hosts in your cluster.
             * @enum {string}
             */
            instanceSizeName?: "M10" | "M20" | "M30" | "M40" | "M50" | "M60" | "M80" | "M90" | "M200" | "R40" | "R50" | "R60" | "R80" | "R200" | "R300" | "R400" | "M60_NVME" | "M80_NVME" | "M200_NVME" | "M300_NVME" | "M400_NVME" | "M600_NVME";
            /**
             * Azure Regions
             * @description Microsoft Azure Regions.
             * @enum {string}
             */
            regionName?: "US_CENTRAL" | "US_EAST" | "US_EAST_2" | "US_NORTH_CENTRAL" | "US_WEST" | "US_SOUTH_CENTRAL" | "EUROPE_NORTH" | "EUROPE_WEST" | "US_WEST_CENTRAL" | "US_WEST_2" | "US_WEST_3" | "CANADA_EAST" | "CANADA_CENTRAL" | "BRAZIL_SOUTH" | "BRAZIL_SOUTHEAST" | "AUSTRALIA_CENTRAL" | "AUSTRALIA_CENTRAL_2" | "AUSTRALIA_EAST" | "AUSTRALIA_SOUTH_EAST" | "GERMANY_WEST_CENTRAL" | "GERMANY_NORTH" | "SWEDEN_CENTRAL" | "SWEDEN_SOUTH" | "SWITZERLAND_NORTH" | "SWITZERLAND_WEST" | "UK_SOUTH" | "UK_WEST" | "NORWAY_EAST" | "NORWAY_WEST" | "INDIA_CENTRAL" | "INDIA_SOUTH" | "INDIA_WEST" | "CHINA_EAST" | "CHINA_NORTH" | "ASIA_EAST" | "JAPAN_EAST" | "JAPAN_WEST" | "ASIA_SOUTH_EAST" | "KOREA_CENTRAL" | "KOREA_SOUTH" | "FRANCE_CENTRAL" | "FRANCE_SOUTH" | "SOUTH_AFRICA_NORTH" | "SOUTH_AFRICA_WEST" | "UAE_CENTRAL" | "UAE_NORTH" | "QATAR_CENTRAL" | "POLAND_CENTRAL" | "ISRAEL_CENTRAL" | "ITALY_NORTH" | "SPAIN_CENTRAL" | "MEXICO_CENTRAL" | "NEW_ZEALAND_NORTH" | "US_GOV_VIRGINIA" | "US_GOV_ARIZONA" | "US_GOV_TEXAS";
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            providerName: "AZURE";
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            providerName: "AZURE";
        };
        /**
         * Azure
         * @description Collection of settings that configures how a cluster might scale its cluster tier and whether the cluster can scale down. Cluster tier auto-scaling is unavailable for clusters using Low CPU or NVME storage classes.
         */
        AzureComputeAutoScalingRules: {
            /**
             * Azure Instance Sizes
             * @description Maximum instance size to which your cluster can automatically scale.
             * @enum {string}
             */
            maxInstanceSize?: "M10" | "M20" | "M30" | "M40" | "M50" | "M60" | "M80" | "M90" | "M200" | "R40" | "R50" | "R60" | "R80" | "R200" | "R300" | "R400" | "M60_NVME" | "M80_NVME" | "M200_NVME" | "M300_NVME" | "M400_NVME" | "M600_NVME";
            /**
             * Azure Instance Sizes
             * @description Minimum instance size to which your cluster can automatically scale.
             * @enum {string}
             */
            minInstanceSize?: "M10" | "M20" | "M30" | "M40" | "M50" | "M60" | "M80" | "M90" | "M200" | "R40" | "R50" | "R60" | "R80" | "R200" | "R300" | "R400" | "M60_NVME" | "M80_NVME" | "M200_NVME" | "M300_NVME" | "M400_NVME" | "M600_NVME";
        };
        AzureHardwareSpec: {
            /**
             * Format: int32
             * @description Target throughput desired for storage attached to your Azure-provisioned cluster. Change this parameter if you:
             *
             *     - set `replicationSpecs[n].regionConfigs[m].providerName` : `Azure`.
             *     - set `replicationSpecs[n].regionConfigs[m].electableSpecs.instanceSize` : `M40` or greater not including `Mxx_NVME` tiers.
             *
             *     The maximum input/output operations per second (IOPS) depend on the selected `.instanceSize` and `.diskSizeGB`.
             *     This parameter defaults to the cluster tier's standard IOPS value.
             *     Changing this value impacts cluster cost.
             */
            diskIOPS?: number;
            /**
             * Azure Instance Sizes
             * @description Hardware specification for the instance sizes in this region. Each instance size has a default storage and memory capacity. The instance size you select applies to all the data-bearing hosts of the node type.
             * @enum {string}
             */
            instanceSize?: "M10" | "M20" | "M30" | "M40" | "M50" | "M60" | "M80" | "M90" | "M200" | "R40" | "R50" | "R60" | "R80" | "R200" | "R300" | "R400" | "M60_NVME" | "M80_NVME" | "M200_NVME" | "M300_NVME" | "M400_NVME" | "M600_NVME";
            /**
             * Format: int32
             * @description Number of nodes of the given type for MongoDB Cloud to deploy to the region.
             */
            nodeCount?: number;
        };
        AzureHardwareSpec20240805: {
            /**
             * Format: int32
             * @description Target throughput desired for storage attached to your Azure-provisioned cluster. Change this parameter if you:
             *
             *     - set `replicationSpecs[n].regionConfigs[m].providerName` : `Azure`.
             *     - set `replicationSpecs[n].regionConfigs[m].electableSpecs.instanceSize` : `M40` or greater not including `Mxx_NVME` tiers.
             *
             *     The maximum input/output operations per second (IOPS) depend on the selected `.instanceSize` and `.diskSizeGB`.
             *     This parameter defaults to the cluster tier's standard IOPS value.
             *     Changing this value impacts cluster cost.
             */
            diskIOPS?: number;
            /**
             * Format: double
             * @description Storage capacity of instance data volumes expressed in gigabytes. Increase this number to add capacity.
             *
             *      This value must be equal for all shards and node types.
             *
             *      This value is not configurable on M0/M2/M5 clusters.
             *
             *      MongoDB Cloud requires this parameter if you set `replicationSpecs`.
             *
             *      If you specify a disk size below the minimum (10 GB), this parameter defaults to the minimum disk size value.
             *
             *      Storage charge calculations depend on whether you choose the default value or a custom value.
             *
             *      The maximum value for disk storage cannot exceed 50 times the maximum RAM for the selected cluster. If you require more storage space, consider upgrading your cluster to a higher tier.
             */
            diskSizeGB?: number;
            /**
             * Azure Instance Sizes
             * @description Hardware specification for the instance sizes in this region in this shard. Each instance size has a default storage and memory capacity. Electable nodes and read-only nodes (known as "base nodes") within a single shard must use the same instance size. Analytics nodes can scale independently from base nodes within a shard. Both base nodes and analytics nodes can scale independently from their equivalents in other shards.
             * @enum {string}
             */
            instanceSize?: "M10" | "M20" | "M30" | "M40" | "M50" | "M60" | "M80" | "M90" | "M200" | "R40" | "R50" | "R60" | "R80" | "R200" | "R300" | "R400" | "M60_NVME" | "M80_NVME" | "M200_NVME" | "M300_NVME" | "M400_NVME" | "M600_NVME";
            /**
             * Format: int32
             * @description Number of nodes of the given type for MongoDB Cloud to deploy to the region.
             * @example 3
             */
            nodeCount?: number;
        };
        /**
         * Azure Regional Replication Specifications
         * @description Details that explain how MongoDB Cloud replicates data in one region on the specified MongoDB database.
         */
        AzureRegionConfig: Omit<components["schemas"]["CloudRegionConfig"], "providerName"> & {
            analyticsAutoScaling?: components["schemas"]["AdvancedAutoScalingSettings"];
            analyticsSpecs?: components["schemas"]["DedicatedHardwareSpec"];
            autoScaling?: components["schemas"]["AdvancedAutoScalingSettings"];
            readOnlySpecs?: components["schemas"]["DedicatedHardwareSpec"];
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            providerName: "AZURE";
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            providerName: "AZURE";
        };
        /**
         * Azure Regional Replication Specifications
         * @description Details that explain how MongoDB Cloud replicates data in one region on the specified MongoDB database.
         */
        AzureRegionConfig20240805: Omit<components["schemas"]["CloudRegionConfig20240805"], "providerName"> & {
            analyticsAutoScaling?: components["schemas"]["AdvancedAutoScalingSettings"];
            analyticsSpecs?: components["schemas"]["DedicatedHardwareSpec20240805"];
            autoScaling?: components["schemas"]["AdvancedAutoScalingSettings"];
            effectiveAnalyticsSpecs?: components["schemas"]["DedicatedHardwareSpec20240805"];
            effectiveElectableSpecs?: components["schemas"]["DedicatedHardwareSpec20240805"];
            effectiveReadOnlySpecs?: components["schemas"]["DedicatedHardwareSpec20240805"];
            readOnlySpecs?: components["schemas"]["DedicatedHardwareSpec20240805"];
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            providerName: "AZURE";
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            providerName: "AZURE";
        };
        /** @description Bad request detail. */
        BadRequestDetail: {
            /** @description Describes all violations in a client request. */
            fields?: components["schemas"]["FieldViolation"][];
        } | null;
        /** @description Instance size boundary to which your cluster can automatically scale. */
        BaseCloudProviderInstanceSize: ("M10" | "M20" | "M30" | "M40" | "M50" | "M60" | "M80" | "M100" | "M140" | "M200" | "M300" | "R40" | "R50" | "R60" | "R80" | "R200" | "R300" | "R400" | "R700" | "M40_NVME" | "M50_NVME" | "M60_NVME" | "M80_NVME" | "M200_NVME" | "M400_NVME" | "M30_GEN_2" | "M40_GEN_2" | "M50_GEN_2" | "M60_GEN_2" | "M80_GEN_2" | "M140_GEN_2" | "M200_GEN_2" | "M300_GEN_2" | "R40_GEN_2" | "R50_GEN_2" | "R60_GEN_2" | "R80_GEN_2" | "R200_GEN_2" | "R300_GEN_2" | "R400_GEN_2" | "R700_GEN_2" | "M40_NVME_GEN_2" | "M50_NVME_GEN_2" | "M60_NVME_GEN_2" | "M80_NVME_GEN_2" | "M200_NVME_GEN_2" | "M400_NVME_GEN_2") | ("M10" | "M20" | "M30" | "M40" | "M50" | "M60" | "M80" | "M90" | "M200" | "R40" | "R50" | "R60" | "R80" | "R200" | "R300" | "R400" | "M60_NVME" | "M80_NVME" | "M200_NVME" | "M300_NVME" | "M400_NVME" | "M600_NVME") | ("M10" | "M20" | "M30" | "M40" | "M50" | "M60" | "M80" | "M140" | "M200" | "M250" | "M300" | "M400" | "R40" | "R50" | "R60" | "R80" | "R200" | "R300" | "R400" | "R600" | "M30_GEN_2" | "M40_GEN_2" | "M50_GEN_2" | "M60_GEN_2" | "M80_GEN_2" | "M140_GEN_2" | "M200_GEN_2" | "R40_GEN_2" | "R50_GEN_2" | "R60_GEN_2" | "R80_GEN_2" | "R200_GEN_2" | "R300_GEN_2" | "R400_GEN_2");
        /**
         * MongoDB Connector for Business Intelligence Settings
         * @description Settings needed to configure the MongoDB Connector for Business Intelligence for this cluster.
         */
        BiConnector: {
            /** @description Flag that indicates whether MongoDB Connector for Business Intelligence is enabled on the specified cluster. */
            enabled?: boolean;
            /**
             * @description Data source node designated for the MongoDB Connector for Business Intelligence on MongoDB Cloud. The MongoDB Connector for Business Intelligence on MongoDB Cloud reads data from the primary, secondary, or analytics node based on your read preferences. Defaults to `ANALYTICS` node, or `SECONDARY` if there are no `ANALYTICS` nodes.
             * @enum {string}
             */
            readPreference?: "PRIMARY" | "SECONDARY" | "ANALYTICS";
        };
        CloudGCPProviderSettings: Omit<components["schemas"]["ClusterProviderSettings"], "providerName"> & {
            autoScaling?: components["schemas"]["CloudProviderGCPAutoScaling"];
            /**
             * GCP Instance Sizes
             * @description Cluster tier, with a default storage and memory capacity, that applies to all the data-bearing hosts in your cluster.
             * @enum {string}
             */
            instanceSizeName?: "M10" | "M20" | "M30" | "M40" | "M50" | "M60" | "M80" | "M140" | "M200" | "M250" | "M300" | "M400" | "R40" | "R50" | "R60" | "R80" | "R200" | "R300" | "R400" | "R600" | "M30_GEN_2" | "M40_GEN_2" | "M50_GEN_2" | "M60_GEN_2" | "M80_GEN_2" | "M140_GEN_2" | "M200_GEN_2" | "R40_GEN_2" | "R50_GEN_2" | "R60_GEN_2" | "R80_GEN_2" | "R200_GEN_2" | "R300_GEN_2" | "R400_GEN_2";
            /**
             * GCP Regions
             * @description Google Compute Regions.
             * @enum {string}
             */
            regionName?: "EASTERN_US" | "EASTERN_US_AW" | "US_EAST_4" | "US_EAST_4_AW" | "US_EAST_5" | "US_EAST_5_AW" | "US_WEST_2" | "US_WEST_2_AW" | "US_WEST_3" | "US_WEST_3_AW" | "US_WEST_4" | "US_WEST_4_AW" | "US_SOUTH_1" | "US_SOUTH_1_AW" | "CENTRAL_US" | "CENTRAL_US_AW" | "WESTERN_US" | "WESTERN_US_AW" | "NORTH_AMERICA_NORTHEAST_1" | "NORTH_AMERICA_NORTHEAST_2" | "NORTH_AMERICA_SOUTH_1" | "SOUTH_AMERICA_EAST_1" | "SOUTH_AMERICA_WEST_1" | "WESTERN_EUROPE" | "EUROPE_NORTH_1" | "EUROPE_WEST_2" | "EUROPE_WEST_3" | "EUROPE_WEST_4" | "EUROPE_WEST_6" | "EUROPE_WEST_8" | "EUROPE_WEST_9" | "EUROPE_WEST_10" | "EUROPE_WEST_12" | "EUROPE_SOUTHWEST_1" | "EUROPE_CENTRAL_2" | "MIDDLE_EAST_CENTRAL_1" | "MIDDLE_EAST_CENTRAL_2" | "MIDDLE_EAST_WEST_1" | "AUSTRALIA_SOUTHEAST_1" | "AUSTRALIA_SOUTHEAST_2" | "AFRICA_SOUTH_1" | "EASTERN_ASIA_PACIFIC" | "NORTHEASTERN_ASIA_PACIFIC" | "SOUTHEASTERN_ASIA_PACIFIC" | "ASIA_EAST_2" | "ASIA_NORTHEAST_2" | "ASIA_NORTHEAST_3" | "ASIA_SOUTH_1" | "ASIA_SOUTH_2" | "ASIA_SOUTHEAST_2";
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            providerName: "GCP";
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            providerName: "GCP";
        };
        /** @description Range of instance sizes to which your cluster can scale. */
        CloudProviderAWSAutoScaling: {
            compute?: components["schemas"]["AWSComputeAutoScaling"];
        };
        /** @description Range of instance sizes to which your cluster can scale. */
        CloudProviderAzureAutoScaling: {
            compute?: components["schemas"]["AzureComputeAutoScalingRules"];
        };
        /** @description Range of instance sizes to which your cluster can scale. */
        CloudProviderGCPAutoScaling: {
            compute?: components["schemas"]["GCPComputeAutoScaling"];
        };
        /**
         * Cloud Service Provider Settings for Multi-Cloud Clusters
         * @description Cloud service provider on which MongoDB Cloud provisions the hosts.
         */
        CloudRegionConfig: {
            electableSpecs?: components["schemas"]["HardwareSpec"];
            /**
             * Format: int32
             * @description Precedence is given to this region when a primary election occurs. If your `regionConfigs` has only `readOnlySpecs`, `analyticsSpecs`, or both, set this value to `0`. If you have multiple `regionConfigs` objects (your cluster is multi-region or multi-cloud), they must have priorities in descending order. The highest priority is `7`.
             *
             *     **Example:** If you have three regions, their priorities would be `7`, `6`, and `5` respectively. If you added two more regions for supporting electable nodes, the priorities of those regions would be `4` and `3` respectively.
             */
            priority?: number;
            /**
             * @description Cloud service provider on which MongoDB Cloud provisions the hosts. Set dedicated clusters to `AWS`, `GCP`, `AZURE` or `TENANT`.
             * @enum {string}
             */
            providerName?: "AWS" | "AZURE" | "GCP" | "TENANT";
            /** @description Physical location of your MongoDB cluster nodes. The region you choose can affect network latency for clients accessing your databases. The region name is only returned in the response for single-region clusters. When MongoDB Cloud deploys a dedicated cluster, it checks if a VPC or VPC connection exists for that provider and region. If not, MongoDB Cloud creates them as part of the deployment. It assigns the VPC a Classless Inter-Domain Routing (CIDR) block. To limit a new VPC peering connection to one Classless Inter-Domain Routing (CIDR) block and region, create the connection first. Deploy the cluster after the connection starts. GCP Clusters and Multi-region clusters require one VPC peering connection for each region. MongoDB nodes can use only the peering connection that resides in the same region as the nodes to communicate with the peered VPC. */
            regionName?: ("US_GOV_WEST_1" | "US_GOV_EAST_1" | "US_EAST_1" | "US_EAST_2" | "US_WEST_1" | "US_WEST_2" | "CA_CENTRAL_1" | "EU_NORTH_1" | "EU_WEST_1" | "EU_WEST_2" | "EU_WEST_3" | "EU_CENTRAL_1" | "EU_CENTRAL_2" | "AP_EAST_1" | "AP_EAST_2" | "AP_NORTHEAST_1" | "AP_NORTHEAST_2" | "AP_NORTHEAST_3" | "AP_SOUTHEAST_1" | "AP_SOUTHEAST_2" | "AP_SOUTHEAST_3" | "AP_SOUTHEAST_4" | "AP_SOUTHEAST_5" | "AP_SOUTHEAST_6" | "AP_SOUTHEAST_7" | "AP_SOUTH_1" | "AP_SOUTH_2" | "SA_EAST_1" | "CN_NORTH_1" | "CN_NORTHWEST_1" | "ME_SOUTH_1" | "ME_CENTRAL_1" | "AF_SOUTH_1" | "EU_SOUTH_1" | "EU_SOUTH_2" | "IL_CENTRAL_1" | "CA_WEST_1" | "MX_CENTRAL_1" | "GLOBAL") | ("US_CENTRAL" | "US_EAST" | "US_EAST_2" | "US_NORTH_CENTRAL" | "US_WEST" | "US_SOUTH_CENTRAL" | "EUROPE_NORTH" | "EUROPE_WEST" | "US_WEST_CENTRAL" | "US_WEST_2" | "US_WEST_3" | "CANADA_EAST" | "CANADA_CENTRAL" | "BRAZIL_SOUTH" | "BRAZIL_SOUTHEAST" | "AUSTRALIA_CENTRAL" | "AUSTRALIA_CENTRAL_2" | "AUSTRALIA_EAST" | "AUSTRALIA_SOUTH_EAST" | "GERMANY_WEST_CENTRAL" | "GERMANY_NORTH" | "SWEDEN_CENTRAL" | "SWEDEN_SOUTH" | "SWITZERLAND_NORTH" | "SWITZERLAND_WEST" | "UK_SOUTH" | "UK_WEST" | "NORWAY_EAST" | "NORWAY_WEST" | "INDIA_CENTRAL" | "INDIA_SOUTH" | "INDIA_WEST" | "CHINA_EAST" | "CHINA_NORTH" | "ASIA_EAST" | "JAPAN_EAST" | "JAPAN_WEST" | "ASIA_SOUTH_EAST" | "KOREA_CENTRAL" | "KOREA_SOUTH" | "FRANCE_CENTRAL" | "FRANCE_SOUTH" | "SOUTH_AFRICA_NORTH" | "SOUTH_AFRICA_WEST" | "UAE_CENTRAL" | "UAE_NORTH" | "QATAR_CENTRAL" | "POLAND_CENTRAL" | "ISRAEL_CENTRAL" | "ITALY_NORTH" | "SPAIN_CENTRAL" | "MEXICO_CENTRAL" | "NEW_ZEALAND_NORTH" | "US_GOV_VIRGINIA" | "US_GOV_ARIZONA" | "US_GOV_TEXAS") | ("EASTERN_US" | "EASTERN_US_AW" | "US_EAST_4" | "US_EAST_4_AW" | "US_EAST_5" | "US_EAST_5_AW" | "US_WEST_2" | "US_WEST_2_AW" | "US_WEST_3" | "US_WEST_3_AW" | "US_WEST_4" | "US_WEST_4_AW" | "US_SOUTH_1" | "US_SOUTH_1_AW" | "CENTRAL_US" | "CENTRAL_US_AW" | "WESTERN_US" | "WESTERN_US_AW" | "NORTH_AMERICA_NORTHEAST_1" | "NORTH_AMERICA_NORTHEAST_2" | "NORTH_AMERICA_SOUTH_1" | "SOUTH_AMERICA_EAST_1" | "SOUTH_AMERICA_WEST_1" | "WESTERN_EUROPE" | "EUROPE_NORTH_1" | "EUROPE_WEST_2" | "EUROPE_WEST_3" | "EUROPE_WEST_4" | "EUROPE_WEST_6" | "EUROPE_WEST_8" | "EUROPE_WEST_9" | "EUROPE_WEST_10" | "EUROPE_WEST_12" | "EUROPE_SOUTHWEST_1" | "EUROPE_CENTRAL_2" | "MIDDLE_EAST_CENTRAL_1" | "MIDDLE_EAST_CENTRAL_2" | "MIDDLE_EAST_WEST_1" | "AUSTRALIA_SOUTHEAST_1" | "AUSTRALIA_SOUTHEAST_2" | "AFRICA_SOUTH_1" | "EASTERN_ASIA_PACIFIC" | "NORTHEASTERN_ASIA_PACIFIC" | "SOUTHEASTERN_ASIA_PACIFIC" | "ASIA_EAST_2" | "ASIA_NORTHEAST_2" | "ASIA_NORTHEAST_3" | "ASIA_SOUTH_1" | "ASIA_SOUTH_2" | "ASIA_SOUTHEAST_2");
        } & (components["schemas"]["AWSRegionConfig"] | components["schemas"]["AzureRegionConfig"] | components["schemas"]["GCPRegionConfig"] | components["schemas"]["TenantRegionConfig"]);
        /**
         * Cloud Service Provider Settings
         * @description Cloud service provider on which MongoDB Cloud provisions the hosts.
         */
        CloudRegionConfig20240805: {
            electableSpecs?: components["schemas"]["HardwareSpec20240805"];
            /**
             * Format: int32
             * @description Precedence is given to this region when a primary election occurs. If your `regionConfigs` has only `readOnlySpecs`, `analyticsSpecs`, or both, set this value to `0`. If you have multiple `regionConfigs` objects (your cluster is multi-region or multi-cloud), they must have priorities in descending order. The highest priority is `7`.
             *
             *     **Example:** If you have three regions, their priorities would be `7`, `6`, and `5` respectively. If you added two more regions for supporting electable nodes, the priorities of those regions would be `4` and `3` respectively.
             * @example 7
             */
            priority?: number;
            /**
             * @description Cloud service provider on which MongoDB Cloud provisions the hosts. Set dedicated clusters to `AWS`, `GCP`, `AZURE` or `TENANT`.
             * @enum {string}
             */
            providerName?: "AWS" | "AZURE" | "GCP" | "TENANT";
            /** @description Physical location of your MongoDB cluster nodes. The region you choose can affect network latency for clients accessing your databases. The region name is only returned in the response for single-region clusters. When MongoDB Cloud deploys a dedicated cluster, it checks if a VPC or VPC connection exists for that provider and region. If not, MongoDB Cloud creates them as part of the deployment. It assigns the VPC a Classless Inter-Domain Routing (CIDR) block. To limit a new VPC peering connection to one Classless Inter-Domain Routing (CIDR) block and region, create the connection first. Deploy the cluster after the connection starts. GCP Clusters and Multi-region clusters require one VPC peering connection for each region. MongoDB nodes can use only the peering connection that resides in the same region as the nodes to communicate with the peered VPC. */
            regionName?: ("US_GOV_WEST_1" | "US_GOV_EAST_1" | "US_EAST_1" | "US_EAST_2" | "US_WEST_1" | "US_WEST_2" | "CA_CENTRAL_1" | "EU_NORTH_1" | "EU_WEST_1" | "EU_WEST_2" | "EU_WEST_3" | "EU_CENTRAL_1" | "EU_CENTRAL_2" | "AP_EAST_1" | "AP_EAST_2" | "AP_NORTHEAST_1" | "AP_NORTHEAST_2" | "AP_NORTHEAST_3" | "AP_SOUTHEAST_1" | "AP_SOUTHEAST_2" | "AP_SOUTHEAST_3" | "AP_SOUTHEAST_4" | "AP_SOUTHEAST_5" | "AP_SOUTHEAST_6" | "AP_SOUTHEAST_7" | "AP_SOUTH_1" | "AP_SOUTH_2" | "SA_EAST_1" | "CN_NORTH_1" | "CN_NORTHWEST_1" | "ME_SOUTH_1" | "ME_CENTRAL_1" | "AF_SOUTH_1" | "EU_SOUTH_1" | "EU_SOUTH_2" | "IL_CENTRAL_1" | "CA_WEST_1" | "MX_CENTRAL_1" | "GLOBAL") | ("US_CENTRAL" | "US_EAST" | "US_EAST_2" | "US_NORTH_CENTRAL" | "US_WEST" | "US_SOUTH_CENTRAL" | "EUROPE_NORTH" | "EUROPE_WEST" | "US_WEST_CENTRAL" | "US_WEST_2" | "US_WEST_3" | "CANADA_EAST" | "CANADA_CENTRAL" | "BRAZIL_SOUTH" | "BRAZIL_SOUTHEAST" | "AUSTRALIA_CENTRAL" | "AUSTRALIA_CENTRAL_2" | "AUSTRALIA_EAST" | "AUSTRALIA_SOUTH_EAST" | "GERMANY_WEST_CENTRAL" | "GERMANY_NORTH" | "SWEDEN_CENTRAL" | "SWEDEN_SOUTH" | "SWITZERLAND_NORTH" | "SWITZERLAND_WEST" | "UK_SOUTH" | "UK_WEST" | "NORWAY_EAST" | "NORWAY_WEST" | "INDIA_CENTRAL" | "INDIA_SOUTH" | "INDIA_WEST" | "CHINA_EAST" | "CHINA_NORTH" | "ASIA_EAST" | "JAPAN_EAST" | "JAPAN_WEST" | "ASIA_SOUTH_EAST" | "KOREA_CENTRAL" | "KOREA_SOUTH" | "FRANCE_CENTRAL" | "FRANCE_SOUTH" | "SOUTH_AFRICA_NORTH" | "SOUTH_AFRICA_WEST" | "UAE_CENTRAL" | "UAE_NORTH" | "QATAR_CENTRAL" | "POLAND_CENTRAL" | "ISRAEL_CENTRAL" | "ITALY_NORTH" | "SPAIN_CENTRAL" | "MEXICO_CENTRAL" | "NEW_ZEALAND_NORTH" | "US_GOV_VIRGINIA" | "US_GOV_ARIZONA" | "US_GOV_TEXAS") | ("EASTERN_US" | "EASTERN_US_AW" | "US_EAST_4" | "US_EAST_4_AW" | "US_EAST_5" | "US_EAST_5_AW" | "US_WEST_2" | "US_WEST_2_AW" | "US_WEST_3" | "US_WEST_3_AW" | "US_WEST_4" | "US_WEST_4_AW" | "US_SOUTH_1" | "US_SOUTH_1_AW" | "CENTRAL_US" | "CENTRAL_US_AW" | "WESTERN_US" | "WESTERN_US_AW" | "NORTH_AMERICA_NORTHEAST_1" | "NORTH_AMERICA_NORTHEAST_2" | "NORTH_AMERICA_SOUTH_1" | "SOUTH_AMERICA_EAST_1" | "SOUTH_AMERICA_WEST_1" | "WESTERN_EUROPE" | "EUROPE_NORTH_1" | "EUROPE_WEST_2" | "EUROPE_WEST_3" | "EUROPE_WEST_4" | "EUROPE_WEST_6" | "EUROPE_WEST_8" | "EUROPE_WEST_9" | "EUROPE_WEST_10" | "EUROPE_WEST_12" | "EUROPE_SOUTHWEST_1" | "EUROPE_CENTRAL_2" | "MIDDLE_EAST_CENTRAL_1" | "MIDDLE_EAST_CENTRAL_2" | "MIDDLE_EAST_WEST_1" | "AUSTRALIA_SOUTHEAST_1" | "AUSTRALIA_SOUTHEAST_2" | "AFRICA_SOUTH_1" | "EASTERN_ASIA_PACIFIC" | "NORTHEASTERN_ASIA_PACIFIC" | "SOUTHEASTERN_ASIA_PACIFIC" | "ASIA_EAST_2" | "ASIA_NORTHEAST_2" | "ASIA_NORTHEAST_3" | "ASIA_SOUTH_1" | "ASIA_SOUTH_2" | "ASIA_SOUTHEAST_2");
        } & (components["schemas"]["AWSRegionConfig20240805"] | components["schemas"]["AzureRegionConfig20240805"] | components["schemas"]["GCPRegionConfig20240805"] | components["schemas"]["TenantRegionConfig20240805"]);
        /**
         * Automatic Cluster Scaling Settings
         * @description Range of instance sizes to which your cluster can scale.
         */
        ClusterAutoScalingSettings: {
            compute?: components["schemas"]["ClusterComputeAutoScaling"];
            /**
             * @description Flag that indicates whether someone enabled disk auto-scaling for this cluster.
             * @default false
             */
            diskGBEnabled: boolean;
        };
        /** @description Collection of settings that configures how a cluster might scale its cluster tier and whether the cluster can scale down. Cluster tier auto-scaling is unavailable for clusters using Low CPU or NVME storage classes. */
        ClusterComputeAutoScaling: {
            /**
             * @description Flag that indicates whether instance size reactive auto-scaling is enabled.
             *
             *     - Set to `true` to enable instance size reactive auto-scaling. If enabled, you must specify a value for `providerSettings.autoScaling.compute.maxInstanceSize`.
             *     - Set to `false` to disable instance size reactive auto-scaling.
             * @default false
             */
            enabled: boolean;
            /**
             * @description Flag that indicates whether the cluster tier can scale down via reactive auto-scaling. This is required if `autoScaling.compute.enabled` is `true`. If you enable this option, specify a value for `providerSettings.autoScaling.compute.minInstanceSize`.
             * @default false
             */
            scaleDownEnabled: boolean;
        };
        /**
         * Cluster Connection Strings
         * @description Collection of Uniform Resource Locators that point to the MongoDB database.
         */
        ClusterConnectionStrings: {
            /** @description Private endpoint-aware connection strings that use AWS-hosted clusters with Amazon Web Services (AWS) PrivateLink. Each key identifies an Amazon Web Services (AWS) interface endpoint. Each value identifies the related `mongodb://` connection string that you use to connect to MongoDB Cloud through the interface endpoint that the key names. */
            readonly awsPrivateLink?: {
                [key: string]: string;
            };
            /** @description Private endpoint-aware connection strings that use AWS-hosted clusters with Amazon Web Services (AWS) PrivateLink. Each key identifies an Amazon Web Services (AWS) interface endpoint. Each value identifies the related `mongodb://` connection string that you use to connect to Atlas through the interface endpoint that the key names. If the cluster uses an optimized connection string, `awsPrivateLinkSrv` contains the optimized connection string. If the cluster has the non-optimized (legacy) connection string, `awsPrivateLinkSrv` contains the non-optimized connection string even if an optimized connection string is also present. */
            readonly awsPrivateLinkSrv?: {
                [key: string]: string;
            };
            /** @description Network peering connection strings for each interface Virtual Private Cloud (VPC) endpoint that you configured to connect to this cluster. This connection string uses the `mongodb+srv://` protocol. The resource returns this parameter once someone creates a network peering connection to this cluster. This protocol tells the application to look up the host seed list in the Domain Name System (DNS). This list synchronizes with the nodes in a cluster. If the connection string uses this Uniform Resource Identifier (URI) format, you don't need to append the seed list or change the URI if the nodes change. Use this URI format if your driver supports it. If it doesn't, use `connectionStrings.private`. For Amazon Web Services (AWS) clusters, this resource returns this parameter only if you enable custom DNS. */
            readonly private?: string;
            /** @description List of private endpoint-aware connection strings that you can use to connect to this cluster through a private endpoint. This parameter returns only if you deployed a private endpoint to all regions to which you deployed this clusters' nodes. */
            readonly privateEndpoint?: components["schemas"]["ClusterDescriptionConnectionStringsPrivateEndpoint"][];
            /** @description Network peering connection strings for each interface Virtual Private Cloud (VPC) endpoint that you configured to connect to this cluster. This connection string uses the `mongodb+srv://` protocol. The resource returns this parameter when someone creates a network peering connection to this cluster. This protocol tells the application to look up the host seed list in the Domain Name System (DNS). This list synchronizes with the nodes in a cluster. If the connection string uses this Uniform Resource Identifier (URI) format, you don't need to append the seed list or change the Uniform Resource Identifier (URI) if the nodes change. Use this Uniform Resource Identifier (URI) format if your driver supports it. If it doesn't, use `connectionStrings.private`. For Amazon Web Services (AWS) clusters, this parameter returns only if you [enable custom DNS](https://docs.atlas.mongodb.com/reference/api/aws-custom-dns-update/). */
            readonly privateSrv?: string;
            /** @description Public connection string that you can use to connect to this cluster. This connection string uses the `mongodb://` protocol. */
            readonly standard?: string;
            /** @description Public connection string that you can use to connect to this cluster. This connection string uses the `mongodb+srv://` protocol. */
            readonly standardSrv?: string;
        };
        /** @description Configuration of a MongoDB Atlas cluster, including its replication topology, instance sizing, storage, and operational settings. */
        ClusterDescription20240805: {
            /**
             * Format: date-time
             * @description If reconfiguration is necessary to regain a primary due to a regional outage, submit this field alongside your topology reconfiguration to request a new regional outage resistant topology. Forced reconfigurations during an outage of the majority of electable nodes carry a risk of data loss if replicated writes (even majority committed writes) have not been replicated to the new primary node. MongoDB Atlas docs contain more information. To proceed with an operation which carries that risk, set `acceptDataRisksAndForceReplicaSetReconfig` to the current date. This parameter expresses its value in the ISO 8601 timestamp format in UTC.
             */
            acceptDataRisksAndForceReplicaSetReconfig?: string;
            /**
             * @description Governs adaptive capacity behavior of Azure nodes in single-cloud Azure clusters or multi-cloud clusters that include Azure nodes. Adaptive capacity enables fallback hardware selection when the primary instance family is unavailable. ``ENABLED`` means the cluster explicitly opts in to adaptive capacity. ``DISABLED`` means the cluster explicitly opts out; the cluster receives capacity errors instead of being placed on fallback hardware. ``null`` means the field is unset; Azure clusters use adaptive capacity by default when the feature is enabled at the group level. Setting this field for single-cloud AWS or GCP clusters is a no-op.
             * @enum {string|null}
             */
            adaptiveCapacity?: "ENABLED" | "DISABLED" | null;
            advancedConfiguration?: components["schemas"]["ApiAtlasClusterAdvancedConfigurationView"];
            /**
             * @description Flag that indicates whether the cluster can perform backups. If set to `true`, the cluster can perform backups. You must set this value to `true` for NVMe clusters. Backup uses Cloud Backups for dedicated clusters and [Shared Cluster Backups](https://docs.atlas.mongodb.com/backup/shared-tier/overview/) for tenant clusters. If set to `false`, the cluster doesn't use backups.
             * @default false
             */
            backupEnabled: boolean;
            biConnector?: components["schemas"]["BiConnector"];
            /**
             * @description Configuration of nodes that comprise the cluster.
             * @enum {string}
             */
            clusterType?: "REPLICASET" | "SHARDED" | "GEOSHARDED";
            /**
             * @description Config Server Management Mode for creating or updating a sharded cluster. When configured as `ATLAS_MANAGED`, Atlas may automatically switch the cluster's config server type for optimal performance and savings. When configured as `FIXED_TO_DEDICATED`, the cluster will always use a dedicated config server.
             * @default ATLAS_MANAGED
             * @enum {string}
             */
            configServerManagementMode: "ATLAS_MANAGED" | "FIXED_TO_DEDICATED";
            /**
             * @description Describes a sharded cluster's config server type.
             * @enum {string}
             */
            readonly configServerType?: "DEDICATED" | "EMBEDDED";
            connectionStrings?: components["schemas"]["ClusterConnectionStrings"];
            /**
             * Format: date-time
             * @description Date and time when MongoDB Cloud created this cluster. This parameter expresses its value in ISO 8601 format in UTC.
             */
            readonly createDate?: string;
            /**
             * @description Disk warming mode selection.
             * @default FULLY_WARMED
             * @enum {string}
             */
            diskWarmingMode: "FULLY_WARMED" | "VISIBLE_EARLIER" | "ENHANCED_FULLY_WARMED";
            /** @description List of settings that represent the actual cluster state. This is read-only and always returned in the response. It reflects the current cluster configuration, which may differ from `replicationSpecs` due to system-managed changes. */
            readonly effectiveReplicationSpecs?: components["schemas"]["ReplicationSpec20240805"][];
            /**
             * @description Cloud service provider that manages your customer keys to provide an additional layer of encryption at rest for the cluster. To enable customer key management for encryption at rest, the cluster `replicationSpecs[n].regionConfigs[m].{type}Specs.instanceSize` setting must be `M10` or higher and `"backupEnabled" : false` or omitted entirely.
             * @enum {string}
             */
            encryptionAtRestProvider?: "NONE" | "AWS" | "AZURE" | "GCP";
            /** @description Feature compatibility version of the cluster. This will always appear regardless of whether FCV is pinned. */
            readonly featureCompatibilityVersion?: string;
            /**
             * Format: date-time
             * @description Feature compatibility version expiration date. Will only appear if FCV is pinned. This parameter expresses its value in the ISO 8601 timestamp format in UTC.
             */
            readonly featureCompatibilityVersionExpirationDate?: string;
            /**
             * @description Set this field to configure the Sharding Management Mode when creating a new Global Cluster.
             *
             *     When set to false, the management mode is set to Atlas-Managed Sharding. This mode fully manages the sharding of your Global Cluster and is built to provide a seamless deployment experience.
             *
             *     When set to true, the management mode is set to Self-Managed Sharding. This mode leaves the management of shards in your hands and is built to provide an advanced and flexible deployment experience.
             *
             *     This setting cannot be changed once the cluster is deployed.
             */
            globalClusterSelfManagedSharding?: boolean;
            /**
             * @description Unique 24-hexadecimal character string that identifies the project.
             * @example 32b6e34b3d91647abb20e7b8
             */
            readonly groupId?: string;
            /**
             * @description Unique 24-hexadecimal digit string that identifies the cluster.
             * @example 32b6e34b3d91647abb20e7b8
             */
            readonly id?: string;
            /**
             * @description Internal classification of the cluster's role. Possible values: `NONE` (regular user cluster), `SYSTEM_CLUSTER` (system cluster for backup), `INTERNAL_SHADOW_CLUSTER` (internal use shadow cluster for testing).
             * @enum {string}
             */
            readonly internalClusterRole?: "NONE" | "SYSTEM_CLUSTER" | "INTERNAL_SHADOW_CLUSTER";
            /**
             * @deprecated
             * @description Collection of key-value pairs between 1 to 255 characters in length that tag and categorize the cluster. The MongoDB Cloud console doesn't display your labels.
             *
             *     Cluster labels are deprecated and will be removed in a future release. We strongly recommend that you use Resource Tags instead.
             */
            labels?: components["schemas"]["ComponentLabel"][];
            /** @description List of one or more Uniform Resource Locators (URLs) that point to API sub-resources, related API resources, or both. RFC 5988 outlines these relationships. */
            readonly links?: components["schemas"]["Link"][];
            mongoDBEmployeeAccessGrant?: components["schemas"]["EmployeeAccessGrantView"];
            /**
             * @description MongoDB major version of the cluster. Set to the binary major version.
             *
             *     On creation: Choose from the available versions of MongoDB, or leave unspecified for the current recommended default in the MongoDB Cloud platform. The recommended version is a recent Long Term Support version. The default is not guaranteed to be the most recently released version throughout the entire release cycle. For versions available in a specific project, see the linked documentation or use the API endpoint for [project LTS versions endpoint](#tag/Projects/operation/getProjectLtsVersions).
             *
             *      On update: Increase version only by 1 major version at a time. If the cluster is pinned to a MongoDB feature compatibility version exactly one major version below the current MongoDB version, the MongoDB version can be downgraded to the previous major version.
             */
            mongoDBMajorVersion?: string;
            /** @description Version of MongoDB that the cluster runs. */
            readonly mongoDBVersion?: string;
            /** @description Human-readable label that identifies the cluster. */
            name?: string;
            /** @description Flag that indicates whether the cluster is paused. */
            paused?: boolean;
            /** @description Flag that indicates whether the cluster uses continuous cloud backups. */
            pitEnabled?: boolean;
            /**
             * @description Enable or disable log redaction.
             *
             *     This setting configures the ``mongod`` or ``mongos`` to redact any document field contents from a message accompanying a given log event before logging. This prevents the program from writing potentially sensitive data stored on the database to the diagnostic log. Metadata such as error or operation codes, line numbers, and source file names are still visible in the logs.
             *
             *     Use ``redactClientLogData`` in conjunction with Encryption at Rest and TLS/SSL (Transport Encryption) to assist compliance with regulatory requirements.
             *
             *     *Note*: changing this setting on a cluster will trigger a rolling restart as soon as the cluster is updated.
             */
            redactClientLogData?: boolean;
            /**
             * @description Set this field to configure the replica set scaling mode for your cluster.
             *
             *     By default, Atlas scales under `WORKLOAD_TYPE`. This mode allows Atlas to scale your analytics nodes in parallel to your operational nodes.
             *
             *     When configured as `SEQUENTIAL`, Atlas scales all nodes sequentially. This mode is intended for steady-state workloads and applications performing latency-sensitive secondary reads.
             *
             *     When configured as `NODE_TYPE`, Atlas scales your electable nodes in parallel with your read-only and analytics nodes. This mode is intended for large, dynamic workloads requiring frequent and timely cluster tier scaling. This is the fastest scaling strategy, but it might impact latency of workloads when performing extensive secondary reads.
             * @default WORKLOAD_TYPE
             * @enum {string}
             */
            replicaSetScalingStrategy: "SEQUENTIAL" | "WORKLOAD_TYPE" | "NODE_TYPE";
            /** @description List of settings that configure your cluster regions. This array has one object per shard representing node configurations in each shard. For replica sets there is only one object representing node configurations. */
            replicationSpecs?: components["schemas"]["ReplicationSpec20240805"][];
            /**
             * @description Flag that indicates whether the cluster retains backups.
             * @default false
             */
            retainBackups: boolean;
            /**
             * @description Root Certificate Authority that MongoDB Atlas cluster uses. MongoDB Cloud supports Internet Security Research Group.
             * @default ISRGROOTX1
             * @enum {string}
             */
            rootCertType: "ISRGROOTX1";
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
            /** @description List that contains key-value pairs between 1 to 255 characters in length for tagging and categorizing the cluster. */
            tags?: components["schemas"]["ResourceTag"][];
            /**
             * @description Flag that indicates whether termination protection is enabled on the cluster. If set to `true`, MongoDB Cloud won't delete the cluster. If set to `false`, MongoDB Cloud will delete the cluster.
             * @default false
             */
            terminationProtectionEnabled: boolean;
            /**
             * @description Flag that indicates whether AWS time-based snapshot copies will be used instead of slower standard snapshot copies during fast Atlas cross-region initial syncs. This flag is only relevant for clusters containing AWS nodes.
             * @default false
             */
            useAwsTimeBasedSnapshotCopyForFastInitialSync: boolean;
            /**
             * @description Method by which the cluster maintains the MongoDB versions. If value is `CONTINUOUS`, you must not specify `mongoDBMajorVersion`.
             * @default LTS
             * @enum {string}
             */
            versionReleaseSystem: "LTS" | "CONTINUOUS";
        };
        /**
         * Cluster Private Endpoint Connection String
         * @description Private endpoint-aware connection string that you can use to connect to this cluster through a private endpoint.
         */
        ClusterDescriptionConnectionStringsPrivateEndpoint: {
            /** @description Private endpoint-aware connection string that uses the `mongodb://` protocol to connect to MongoDB Cloud through a private endpoint. */
            readonly connectionString?: string;
            /** @description List that contains the private endpoints through which you connect to MongoDB Cloud when you use `connectionStrings.privateEndpoint[n].connectionString` or `connectionStrings.privateEndpoint[n].srvConnectionString`. */
            readonly endpoints?: components["schemas"]["ClusterDescriptionConnectionStringsPrivateEndpointEndpoint"][];
            /** @description Private endpoint-aware connection string that uses the `mongodb+srv://` protocol to connect to MongoDB Cloud through a private endpoint. The `mongodb+srv` protocol tells the driver to look up the seed list of hosts in the Domain Name System (DNS). This list synchronizes with the nodes in a cluster. If the connection string uses this Uniform Resource Identifier (URI) format, you don't need to append the seed list or change the Uniform Resource Identifier (URI) if the nodes change. Use this Uniform Resource Identifier (URI) format if your application supports it. If it doesn't, use `connectionStrings.privateEndpoint[n].connectionString`. */
            readonly srvConnectionString?: string;
            /** @description Private endpoint-aware connection string optimized for sharded clusters that uses the `mongodb+srv://` protocol to connect to MongoDB Cloud through a private endpoint. If the connection string uses this Uniform Resource Identifier (URI) format, you don't need to change the Uniform Resource Identifier (URI) if the nodes change. Use this Uniform Resource Identifier (URI) format if your application and Atlas cluster supports it. If it doesn't, use and consult the documentation for `connectionStrings.privateEndpoint[n].srvConnectionString`. */
            readonly srvShardOptimizedConnectionString?: string;
            /**
             * @description MongoDB process type to which your application connects. Use `MONGOD` for replica sets and `MONGOS` for sharded clusters.
             * @enum {string}
             */
            readonly type?: "MONGOD" | "MONGOS";
        };
        /**
         * Cluster Private Endpoint Connection Strings Endpoint
         * @description Details of a private endpoint deployed for this cluster.
         */
        ClusterDescriptionConnectionStringsPrivateEndpointEndpoint: {
            /** @description Unique string that the cloud provider uses to identify the private endpoint. */
            readonly endpointId?: string;
            /**
             * @description Cloud provider in which MongoDB Cloud deploys the private endpoint.
             * @enum {string}
             */
            readonly providerName?: "AWS" | "AZURE" | "GCP";
            /** @description Region where the private endpoint is deployed. */
            readonly region?: string;
        };
        ClusterFlexProviderSettings: Omit<components["schemas"]["ClusterProviderSettings"], "providerName"> & {
            /**
             * @description Cloud service provider on which MongoDB Cloud provisioned the multi-tenant host. The resource returns this parameter when `providerSettings.providerName` is `FLEX` and `providerSetting.instanceSizeName` is `FLEX`.
             * @enum {string}
             */
            backingProviderName?: "AWS" | "GCP" | "AZURE";
            /**
             * Flex Instance Sizes
             * @description Cluster tier, with a default storage and memory capacity, that applies to all the data-bearing hosts in your cluster. You must set `providerSettings.providerName` to `FLEX` and specify the cloud service provider in `providerSettings.backingProviderName`.
             * @enum {string}
             */
            instanceSizeName?: "FLEX";
            /** @description Human-readable label that identifies the geographic location of your MongoDB cluster. The region you choose can affect network latency for clients accessing your databases. For a complete list of region names, see [AWS](https://docs.atlas.mongodb.com/reference/amazon-aws/#std-label-amazon-aws), [GCP](https://docs.atlas.mongodb.com/reference/google-gcp/), and [Azure](https://docs.atlas.mongodb.com/reference/microsoft-azure/). */
            regionName?: string;
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            providerName: "FLEX";
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            providerName: "FLEX";
        };
        /** @description Range of instance sizes to which your cluster can scale. */
        ClusterFreeAutoScaling: {
            compute?: components["schemas"]["FreeComputeAutoScalingRules"];
        };
        ClusterFreeProviderSettings: Omit<components["schemas"]["ClusterProviderSettings"], "providerName"> & {
            autoScaling?: components["schemas"]["ClusterFreeAutoScaling"];
            /**
             * @description Cloud service provider on which MongoDB Cloud provisioned the multi-tenant host. The resource returns this parameter when `providerSettings.providerName` is `TENANT` and `providerSetting.instanceSizeName` is `M0`, `M2` or `M5`.
             *
             *     Please note that using an `instanceSize` of M2 or M5 will create a Flex cluster instead. Support for the `instanceSize` of M2 or M5 will be discontinued in January 2026. We recommend using the Create Flex Cluster API for such configurations moving forward.
             * @enum {string}
             */
            backingProviderName?: "AWS" | "GCP" | "AZURE";
            /**
             * @description The true tenant instance size. This is present to support backwards compatibility for deprecated provider types and/or instance sizes.
             * @enum {string}
             */
            readonly effectiveInstanceSizeName?: "FLEX" | "M2" | "M5" | "M0";
            /**
             * Tenant Instance Sizes
             * @description Cluster tier, with a default storage and memory capacity, that applies to all the data-bearing hosts in your cluster. You must set `providerSettings.providerName` to `TENANT` and specify the cloud service provider in `providerSettings.backingProviderName`.
             * @enum {string}
             */
            instanceSizeName?: "M0" | "M2" | "M5";
            /** @description Human-readable label that identifies the geographic location of your MongoDB cluster. The region you choose can affect network latency for clients accessing your databases. For a complete list of region names, see [AWS](https://docs.atlas.mongodb.com/reference/amazon-aws/#std-label-amazon-aws), [GCP](https://docs.atlas.mongodb.com/reference/google-gcp/), and [Azure](https://docs.atlas.mongodb.com/reference/microsoft-azure/). For multi-region clusters, see `replicationSpec.{region}`. */
            regionName?: string;
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            providerName: "TENANT";
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            providerName: "TENANT";
        };
        /**
         * Cloud Service Provider Settings for a Cluster
         * @description Group of cloud provider settings that configure the provisioned MongoDB hosts.
         */
        ClusterProviderSettings: {
            providerName: string;
        } & (components["schemas"]["AWSCloudProviderSettings"] | components["schemas"]["AzureCloudProviderSettings"] | components["schemas"]["CloudGCPProviderSettings"] | components["schemas"]["ClusterFreeProviderSettings"] | components["schemas"]["ClusterFlexProviderSettings"]);
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
        /** @description Hardware specifications for read-only nodes in the region. Read-only nodes can never become the primary member, but can enable local reads. If you don't specify this parameter, no read-only nodes are deployed to the region. */
        DedicatedHardwareSpec: {
            /**
             * Format: int32
             * @description Number of nodes of the given type for MongoDB Cloud to deploy to the region.
             */
            nodeCount?: number;
        } & (components["schemas"]["AWSHardwareSpec"] | components["schemas"]["AzureHardwareSpec"] | components["schemas"]["GCPHardwareSpec"]);
        /** @description The current hardware specifications for read only nodes in the region. */
        DedicatedHardwareSpec20240805: {
            /**
             * Format: double
             * @description Storage capacity of instance data volumes expressed in gigabytes. Increase this number to add capacity.
             *
             *      This value must be equal for all shards and node types.
             *
             *      This value is not configurable on M0/M2/M5 clusters.
             *
             *      MongoDB Cloud requires this parameter if you set `replicationSpecs`.
             *
             *      If you specify a disk size below the minimum (10 GB), this parameter defaults to the minimum disk size value.
             *
             *      Storage charge calculations depend on whether you choose the default value or a custom value.
             *
             *      The maximum value for disk storage cannot exceed 50 times the maximum RAM for the selected cluster. If you require more storage space, consider upgrading your cluster to a higher tier.
             */
            diskSizeGB?: number;
            /**
             * Format: int32
             * @description Number of nodes of the given type for MongoDB Cloud to deploy to the region.
             * @example 3
             */
            nodeCount?: number;
        } & (components["schemas"]["AWSHardwareSpec20240805"] | components["schemas"]["AzureHardwareSpec20240805"] | components["schemas"]["GCPHardwareSpec20240805"]);
        /** @description Setting that enables disk auto-scaling. */
        DiskGBAutoScaling: {
            /** @description Flag that indicates whether this cluster enables disk auto-scaling. The maximum memory allowed for the selected cluster tier and the oplog size can limit storage auto-scaling. */
            enabled?: boolean;
        };
        /** @description MongoDB employee granted access level and expiration for a cluster. */
        EmployeeAccessGrantView: {
            /**
             * Format: date-time
             * @description Expiration date for the employee access grant. This parameter expresses its value in the ISO 8601 timestamp format in UTC.
             */
            expirationTime: string;
            /**
             * @description Level of access to grant to MongoDB Employees.
             * @enum {string}
             */
            grantType: "CLUSTER_DATABASE_LOGS" | "CLUSTER_INFRASTRUCTURE" | "CLUSTER_INFRASTRUCTURE_AND_APP_SERVICES_SYNC_DATA";
            /** @description List of one or more Uniform Resource Locators (URLs) that point to API sub-resources, related API resources, or both. RFC 5988 outlines these relationships. */
            readonly links?: components["schemas"]["Link"][];
        };
        FieldViolation: {
            /** @description A description of why the request element is bad. */
            description: string;
            /** @description A path that leads to a field in the request body. */
            field: string;
        };
        /**
         * Flex Backup Restore Job
         * @description Details for one restore job of a flex cluster.
         */
        FlexBackupRestoreJob20241113: {
            /**
             * @description Means by which this resource returns the snapshot to the requesting MongoDB Cloud user.
             * @enum {string}
             */
            readonly deliveryType?: "RESTORE" | "DOWNLOAD";
            /**
             * Format: date-time
             * @description Date and time when the download link no longer works. This parameter expresses its value in the ISO 8601 timestamp format in UTC.
             */
            readonly expirationDate?: string;
            /**
             * @description Unique 24-hexadecimal digit string that identifies the restore job.
             * @example 32b6e34b3d91647abb20e7b8
             */
            readonly id?: string;
            /** @description Human-readable label that identifies the source instance. */
            readonly instanceName?: string;
            /** @description List of one or more Uniform Resource Locators (URLs) that point to API sub-resources, related API resources, or both. RFC 5988 outlines these relationships. */
            readonly links?: components["schemas"]["Link"][];
            /**
             * @description Unique 24-hexadecimal digit string that identifies the project from which the restore job originated.
             * @example 32b6e34b3d91647abb20e7b8
             */
            readonly projectId?: string;
            /**
             * Format: date-time
             * @description Date and time when MongoDB Cloud completed writing this snapshot. MongoDB Cloud changes the status of the restore job to `CLOSED`. This parameter expresses its value in the ISO 8601 timestamp format in UTC.
             */
            readonly restoreFinishedDate?: string;
            /**
             * Format: date-time
             * @description Date and time when MongoDB Cloud will restore this snapshot. This parameter expresses its value in the ISO 8601 timestamp format in UTC.
             */
            readonly restoreScheduledDate?: string;
            /**
             * Format: date-time
             * @description Date and time when MongoDB Cloud completed writing this snapshot. This parameter expresses its value in the ISO 8601 timestamp format in UTC.
             */
            readonly snapshotFinishedDate?: string;
            /**
             * @description Unique 24-hexadecimal digit string that identifies the snapshot to restore.
             * @example 32b6e34b3d91647abb20e7b8
             */
            readonly snapshotId?: string;
            /** @description Internet address from which you can download the compressed snapshot files. The resource returns this parameter when  `"deliveryType" : "DOWNLOAD"`. */
            readonly snapshotUrl?: string;
            /**
             * @description Phase of the restore workflow for this job at the time this resource made this request.
             * @enum {string}
             */
            readonly status?: "PENDING" | "QUEUED" | "RUNNING" | "FAILED" | "COMPLETED";
            /** @description Human-readable label that identifies the instance or cluster on the target project to which you want to restore the snapshot. You can restore the snapshot to another flex or dedicated cluster tier. */
            readonly targetDeploymentItemName?: string;
            /**
             * @description Unique 24-hexadecimal digit string that identifies the project that contains the instance or cluster to which you want to restore the snapshot.
             * @example 32b6e34b3d91647abb20e7b8
             */
            readonly targetProjectId?: string;
        };
        /**
         * Create Flex Backup Restore Job
         * @description Details to create one restore job of a flex cluster.
         */
        FlexBackupRestoreJobCreate20241113: {
            /**
             * @description Means by which this resource returns the snapshot to the requesting MongoDB Cloud user.
             * @enum {string}
             */
            readonly deliveryType?: "RESTORE" | "DOWNLOAD";
            /**
             * Format: date-time
             * @description Date and time when the download link no longer works. This parameter expresses its value in the ISO 8601 timestamp format in UTC.
             */
            readonly expirationDate?: string;
            /**
             * @description Unique 24-hexadecimal digit string that identifies the restore job.
             * @example 32b6e34b3d91647abb20e7b8
             */
            readonly id?: string;
            /** @description Human-readable label that identifies the source instance. */
            readonly instanceName?: string;
            /** @description List of one or more Uniform Resource Locators (URLs) that point to API sub-resources, related API resources, or both. RFC 5988 outlines these relationships. */
            readonly links?: components["schemas"]["Link"][];
            /**
             * @description Unique 24-hexadecimal digit string that identifies the project from which the restore job originated.
             * @example 32b6e34b3d91647abb20e7b8
             */
            readonly projectId?: string;
            /**
             * Format: date-time
             * @description Date and time when MongoDB Cloud completed writing this snapshot. MongoDB Cloud changes the status of the restore job to `CLOSED`. This parameter expresses its value in the ISO 8601 timestamp format in UTC.
             */
            readonly restoreFinishedDate?: string;
            /**
             * Format: date-time
             * @description Date and time when MongoDB Cloud will restore this snapshot. This parameter expresses its value in the ISO 8601 timestamp format in UTC.
             */
            readonly restoreScheduledDate?: string;
            /**
             * Format: date-time
             * @description Date and time when MongoDB Cloud completed writing this snapshot. This parameter expresses its value in the ISO 8601 timestamp format in UTC.
             */
            readonly snapshotFinishedDate?: string;
            /**
             * @description Unique 24-hexadecimal digit string that identifies the snapshot to restore.
             * @example 32b6e34b3d91647abb20e7b8
             */
            snapshotId: string;
            /** @description Internet address from which you can download the compressed snapshot files. The resource returns this parameter when  `"deliveryType" : "DOWNLOAD"`. */
            readonly snapshotUrl?: string;
            /**
             * @description Phase of the restore workflow for this job at the time this resource made this request.
             * @enum {string}
             */
            readonly status?: "PENDING" | "QUEUED" | "RUNNING" | "FAILED" | "COMPLETED";
            /** @description Human-readable label that identifies the instance or cluster on the target project to which you want to restore the snapshot. You can restore the snapshot to another flex cluster or dedicated cluster tier. */
            targetDeploymentItemName: string;
            /**
             * @description Unique 24-hexadecimal digit string that identifies the project that contains the instance or cluster to which you want to restore the snapshot.
             * @example 32b6e34b3d91647abb20e7b8
             */
            targetProjectId?: string;
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
         * Flex Backup Snapshot
         * @description Details for one snapshot of a flex cluster.
         */
        FlexBackupSnapshot20241113: {
            /**
             * Format: date-time
             * @description Date and time when the download link no longer works. This parameter expresses its value in the ISO 8601 timestamp format in UTC.
             */
            readonly expiration?: string;
            /**
             * Format: date-time
             * @description Date and time when MongoDB Cloud completed writing this snapshot. This parameter expresses its value in the ISO 8601 timestamp format in UTC.
             */
            readonly finishTime?: string;
            /**
             * @description Unique 24-hexadecimal digit string that identifies the snapshot.
             * @example 32b6e34b3d91647abb20e7b8
             */
            readonly id?: string;
            /** @description List of one or more Uniform Resource Locators (URLs) that point to API sub-resources, related API resources, or both. RFC 5988 outlines these relationships. */
            readonly links?: components["schemas"]["Link"][];
            /** @description MongoDB host version that the snapshot runs. */
            readonly mongoDBVersion?: string;
            /**
             * Format: date-time
             * @description Date and time when MongoDB Cloud will take the snapshot. This parameter expresses its value in the ISO 8601 timestamp format in UTC.
             */
            readonly scheduledTime?: string;
            /**
             * Format: date-time
             * @description Date and time when MongoDB Cloud began taking the snapshot. This parameter expresses its value in the ISO 8601 timestamp format in UTC.
             */
            readonly startTime?: string;
            /**
             * @description Phase of the workflow for this snapshot at the time this resource made this request.
             * @enum {string}
             */
            readonly status?: "PENDING" | "QUEUED" | "RUNNING" | "FAILED" | "COMPLETED";
        };
        /**
         * Flex Backup Snapshot Download Create
         * @description Details for one backup snapshot download of a flex cluster.
         */
        FlexBackupSnapshotDownloadCreate20241113: {
            /** @description List of one or more Uniform Resource Locators (URLs) that point to API sub-resources, related API resources, or both. RFC 5988 outlines these relationships. */
            readonly links?: components["schemas"]["Link"][];
            /**
             * @description Unique 24-hexadecimal digit string that identifies the snapshot to download.
             * @example 32b6e34b3d91647abb20e7b8
             */
            snapshotId: string;
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
         * Tenant
         * @description Collection of settings that configures how a cluster might scale its cluster tier and whether the cluster can scale down.
         */
        FreeComputeAutoScalingRules: {
            /**
             * Tenant Instance Sizes
             * @description Maximum instance size to which your cluster can automatically scale.
             * @enum {string}
             */
            maxInstanceSize?: "M0" | "M2" | "M5";
            /**
             * Tenant Instance Sizes
             * @description Minimum instance size to which your cluster can automatically scale.
             * @enum {string}
             */
            minInstanceSize?: "M0" | "M2" | "M5";
        };
        /**
         * GCP
         * @description Collection of settings that configures how a cluster might scale its cluster tier and whether the cluster can scale down. Cluster tier auto-scaling is unavailable for clusters using Low CPU or NVME storage classes.
         */
        GCPComputeAutoScaling: {
            /**
             * GCP Instance Sizes
             * @description Maximum instance size to which your cluster can automatically scale.
             * @enum {string}
             */
            maxInstanceSize?: "M10" | "M20" | "M30" | "M40" | "M50" | "M60" | "M80" | "M140" | "M200" | "M250" | "M300" | "M400" | "R40" | "R50" | "R60" | "R80" | "R200" | "R300" | "R400" | "R600" | "M30_GEN_2" | "M40_GEN_2" | "M50_GEN_2" | "M60_GEN_2" | "M80_GEN_2" | "M140_GEN_2" | "M200_GEN_2" | "R40_GEN_2" | "R50_GEN_2" | "R60_GEN_2" | "R80_GEN_2" | "R200_GEN_2" | "R300_GEN_2" | "R400_GEN_2";
            /**
             * GCP Instance Sizes
             * @description Minimum instance size to which your cluster can automatically scale.
             * @enum {string}
             */
            minInstanceSize?: "M10" | "M20" | "M30" | "M40" | "M50" | "M60" | "M80" | "M140" | "M200" | "M250" | "M300" | "M400" | "R40" | "R50" | "R60" | "R80" | "R200" | "R300" | "R400" | "R600" | "M30_GEN_2" | "M40_GEN_2" | "M50_GEN_2" | "M60_GEN_2" | "M80_GEN_2" | "M140_GEN_2" | "M200_GEN_2" | "R40_GEN_2" | "R50_GEN_2" | "R60_GEN_2" | "R80_GEN_2" | "R200_GEN_2" | "R300_GEN_2" | "R400_GEN_2";
        };
        GCPHardwareSpec: {
            /**
             * GCP Instance Sizes
             * @description Hardware specification for the instance sizes in this region. Each instance size has a default storage and memory capacity. The instance size you select applies to all the data-bearing hosts of the node type.
             * @enum {string}
             */
            instanceSize?: "M10" | "M20" | "M30" | "M40" | "M50" | "M60" | "M80" | "M140" | "M200" | "M250" | "M300" | "M400" | "R40" | "R50" | "R60" | "R80" | "R200" | "R300" | "R400" | "R600" | "M30_GEN_2" | "M40_GEN_2" | "M50_GEN_2" | "M60_GEN_2" | "M80_GEN_2" | "M140_GEN_2" | "M200_GEN_2" | "R40_GEN_2" | "R50_GEN_2" | "R60_GEN_2" | "R80_GEN_2" | "R200_GEN_2" | "R300_GEN_2" | "R400_GEN_2";
            /**
             * Format: int32
             * @description Number of nodes of the given type for MongoDB Cloud to deploy to the region.
             */
            nodeCount?: number;
        };
        GCPHardwareSpec20240805: {
            /**
             * Format: double
             * @description Storage capacity of instance data volumes expressed in gigabytes. Increase this number to add capacity.
             *
             *      This value must be equal for all shards and node types.
             *
             *      This value is not configurable on M0/M2/M5 clusters.
             *
             *      MongoDB Cloud requires this parameter if you set `replicationSpecs`.
             *
             *      If you specify a disk size below the minimum (10 GB), this parameter defaults to the minimum disk size value.
             *
             *      Storage charge calculations depend on whether you choose the default value or a custom value.
             *
             *      The maximum value for disk storage cannot exceed 50 times the maximum RAM for the selected cluster. If you require more storage space, consider upgrading your cluster to a higher tier.
             */
            diskSizeGB?: number;
            /**
             * GCP Instance Sizes
             * @description Hardware specification for the instance sizes in this region in this shard. Each instance size has a default storage and memory capacity. Electable nodes and read-only nodes (known as "base nodes") within a single shard must use the same instance size. Analytics nodes can scale independently from base nodes within a shard. Both base nodes and analytics nodes can scale independently from their equivalents in other shards.
             * @enum {string}
             */
            instanceSize?: "M10" | "M20" | "M30" | "M40" | "M50" | "M60" | "M80" | "M140" | "M200" | "M250" | "M300" | "M400" | "R40" | "R50" | "R60" | "R80" | "R200" | "R300" | "R400" | "R600" | "M30_GEN_2" | "M40_GEN_2" | "M50_GEN_2" | "M60_GEN_2" | "M80_GEN_2" | "M140_GEN_2" | "M200_GEN_2" | "R40_GEN_2" | "R50_GEN_2" | "R60_GEN_2" | "R80_GEN_2" | "R200_GEN_2" | "R300_GEN_2" | "R400_GEN_2";
            /**
             * Format: int32
             * @description Number of nodes of the given type for MongoDB Cloud to deploy to the region.
             * @example 3
             */
            nodeCount?: number;
        };
        /**
         * GCP Regional Replication Specifications
         * @description Details that explain how MongoDB Cloud replicates data in one region on the specified MongoDB database.
         */
        GCPRegionConfig: Omit<components["schemas"]["CloudRegionConfig"], "providerName"> & {
            analyticsAutoScaling?: components["schemas"]["AdvancedAutoScalingSettings"];
            analyticsSpecs?: components["schemas"]["DedicatedHardwareSpec"];
            autoScaling?: components["schemas"]["AdvancedAutoScalingSettings"];
            readOnlySpecs?: components["schemas"]["DedicatedHardwareSpec"];
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            providerName: "GCP";
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            providerName: "GCP";
        };
        /**
         * GCP Regional Replication Specifications
         * @description Details that explain how MongoDB Cloud replicates data in one region on the specified MongoDB database.
         */
        GCPRegionConfig20240805: Omit<components["schemas"]["CloudRegionConfig20240805"], "providerName"> & {
            analyticsAutoScaling?: components["schemas"]["AdvancedAutoScalingSettings"];
            analyticsSpecs?: components["schemas"]["DedicatedHardwareSpec20240805"];
            autoScaling?: components["schemas"]["AdvancedAutoScalingSettings"];
            effectiveAnalyticsSpecs?: components["schemas"]["DedicatedHardwareSpec20240805"];
            effectiveElectableSpecs?: components["schemas"]["DedicatedHardwareSpec20240805"];
            effectiveReadOnlySpecs?: components["schemas"]["DedicatedHardwareSpec20240805"];
            readOnlySpecs?: components["schemas"]["DedicatedHardwareSpec20240805"];
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            providerName: "GCP";
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            providerName: "GCP";
        };
        /** @description Hardware specifications for all electable nodes deployed in the region. Electable nodes can become the primary and can enable local reads. If you don't specify this option, MongoDB Cloud deploys no electable nodes to the region. */
        HardwareSpec: components["schemas"]["AWSHardwareSpec"] | components["schemas"]["AzureHardwareSpec"] | components["schemas"]["GCPHardwareSpec"] | components["schemas"]["TenantHardwareSpec"];
        /** @description Hardware specifications for all electable nodes deployed in the region. Electable nodes can become the primary and can enable local reads. If you don't specify this option, MongoDB Cloud deploys no electable nodes to the region. */
        HardwareSpec20240805: {
            /**
             * Format: double
             * @description Storage capacity of instance data volumes expressed in gigabytes. Increase this number to add capacity.
             *
             *      This value must be equal for all shards and node types.
             *
             *      This value is not configurable on M0/M2/M5 clusters.
             *
             *      MongoDB Cloud requires this parameter if you set `replicationSpecs`.
             *
             *      If you specify a disk size below the minimum (10 GB), this parameter defaults to the minimum disk size value.
             *
             *      Storage charge calculations depend on whether you choose the default value or a custom value.
             *
             *      The maximum value for disk storage cannot exceed 50 times the maximum RAM for the selected cluster. If you require more storage space, consider upgrading your cluster to a higher tier.
             */
            diskSizeGB?: number;
        } & (components["schemas"]["AWSHardwareSpec20240805"] | components["schemas"]["AzureHardwareSpec20240805"] | components["schemas"]["GCPHardwareSpec20240805"] | components["schemas"]["TenantHardwareSpec20240805"]);
        /**
         * Cluster Description
         * @description Group of settings that configure a MongoDB cluster.
         */
        LegacyAtlasCluster: {
            /**
             * Format: date-time
             * @description If reconfiguration is necessary to regain a primary due to a regional outage, submit this field alongside your topology reconfiguration to request a new regional outage resistant topology. Forced reconfigurations during an outage of the majority of electable nodes carry a risk of data loss if replicated writes (even majority committed writes) have not been replicated to the new primary node. MongoDB Atlas docs contain more information. To proceed with an operation which carries that risk, set `acceptDataRisksAndForceReplicaSetReconfig` to the current date. This parameter expresses its value in the ISO 8601 timestamp format in UTC.
             */
            acceptDataRisksAndForceReplicaSetReconfig?: string;
            advancedConfiguration?: components["schemas"]["ApiAtlasClusterAdvancedConfigurationView"];
            autoScaling?: components["schemas"]["ClusterAutoScalingSettings"];
            /** @description Flag that indicates whether the cluster can perform backups. If set to `true`, the cluster can perform backups. You must set this value to `true` for NVMe clusters. Backup uses Cloud Backups for dedicated clusters and Shared Cluster Backups for tenant clusters. If set to `false`, the cluster doesn't use MongoDB Cloud backups. */
            backupEnabled?: boolean;
            biConnector?: components["schemas"]["BiConnector"];
            /**
             * @description Configuration of nodes that comprise the cluster.
             * @enum {string}
             */
            clusterType?: "REPLICASET" | "SHARDED" | "GEOSHARDED";
            /**
             * @description Config Server Management Mode for creating or updating a sharded cluster. When configured as `ATLAS_MANAGED`, Atlas may automatically switch the cluster's config server type for optimal performance and savings. When configured as `FIXED_TO_DEDICATED`, the cluster will always use a dedicated config server.
             * @default ATLAS_MANAGED
             * @enum {string}
             */
            configServerManagementMode: "ATLAS_MANAGED" | "FIXED_TO_DEDICATED";
            /**
             * @description Describes a sharded cluster's config server type.
             * @enum {string}
             */
            readonly configServerType?: "DEDICATED" | "EMBEDDED";
            connectionStrings?: components["schemas"]["ClusterConnectionStrings"];
            /**
             * Format: date-time
             * @description Date and time when MongoDB Cloud created this serverless instance. MongoDB Cloud represents this timestamp in ISO 8601 format in UTC.
             */
            readonly createDate?: string;
            /**
             * Format: int32
             * @description Number of hours after cluster creation that this cluster will be automatically deleted.
             *
             *     This field is used to derive `deleteAfterDate` relative to `createDate`.
             *
             *     When set to null or zero on cluster creation, the cluster will not be automatically deleted.
             *
             *     When set to a positive value on cluster creation, the cluster will be automatically deleted after the specified number of hours.
             *
             *     When updating this field on an existing (non-deleted) cluster, and this is set to null, then existing values are preserved for this & `deleteAfterDate`.
             *
             *     When updating this field on an existing (non-deleted) cluster, and this is set to zero, then `deleteAfterDate` is reset to null (disable auto deletion) regardless of previous configurations.
             *
             *     When updating this field on an existing (non-deleted) cluster, and this is set to a positive value, then `createDate` + `deleteAfterCreationHours` must be later than now else the field update is ignored and existing values are preserved for this & `deleteAfterDate`.
             */
            deleteAfterCreationHours?: number;
            /**
             * Format: date-time
             * @description The date at which this cluster will be automatically deleted.
             *
             *     This parameter expresses its value in the ISO 8601 timestamp format in UTC and is derived based on the `createDate` + `deleteAfterCreationHours`.
             */
            readonly deleteAfterDate?: string;
            /**
             * Format: double
             * @description Storage capacity of instance data volumes expressed in gigabytes. Increase this number to add capacity.
             *
             *      This value is not configurable on M0/M2/M5 clusters.
             *
             *      MongoDB Cloud requires this parameter if you set `replicationSpecs`.
             *
             *      If you specify a disk size below the minimum (10 GB), this parameter defaults to the minimum disk size value.
             *
             *      Storage charge calculations depend on whether you choose the default value or a custom value.
             *
             *      The maximum value for disk storage cannot exceed 50 times the maximum RAM for the selected cluster. If you require more storage space, consider upgrading your cluster to a higher tier.
             */
            diskSizeGB?: number;
            /**
             * @description Disk warming mode selection.
             * @default FULLY_WARMED
             * @enum {string}
             */
            diskWarmingMode: "FULLY_WARMED" | "VISIBLE_EARLIER" | "ENHANCED_FULLY_WARMED";
            /**
             * @description Cloud service provider that manages your customer keys to provide an additional layer of encryption at rest for the cluster. To enable customer key management for encryption at rest, the cluster `replicationSpecs[n].regionConfigs[m].{type}Specs.instanceSize` setting must be `M10` or higher and `"backupEnabled" : false` or omitted entirely.
             * @enum {string}
             */
            encryptionAtRestProvider?: "NONE" | "AWS" | "AZURE" | "GCP";
            /** @description Feature compatibility version of the cluster. */
            readonly featureCompatibilityVersion?: string;
            /**
             * Format: date-time
             * @description Feature compatibility version expiration date. This parameter expresses its value in the ISO 8601 timestamp format in UTC.
             */
            readonly featureCompatibilityVersionExpirationDate?: string;
            /**
             * @description Set this field to configure the Sharding Management Mode when creating a new Global Cluster.
             *
             *     When set to false, the management mode is set to Atlas-Managed Sharding. This mode fully manages the sharding of your Global Cluster and is built to provide a seamless deployment experience.
             *
             *     When set to true, the management mode is set to Self-Managed Sharding. This mode leaves the management of shards in your hands and is built to provide an advanced and flexible deployment experience.
             *
             *     This setting cannot be changed once the cluster is deployed.
             */
            globalClusterSelfManagedSharding?: boolean;
            /**
             * @description Unique 24-hexadecimal character string that identifies the project.
             * @example 32b6e34b3d91647abb20e7b8
             */
            readonly groupId?: string;
            /**
             * @description Unique 24-hexadecimal digit string that identifies the cluster.
             * @example 32b6e34b3d91647abb20e7b8
             */
            readonly id?: string;
            /**
             * @deprecated
             * @description Collection of key-value pairs between 1 to 255 characters in length that tag and categorize the cluster. The MongoDB Cloud console doesn't display your labels.
             *
             *     Cluster labels are deprecated and will be removed in a future release. We strongly recommend that you use Resource Tags instead.
             */
            labels?: components["schemas"]["ComponentLabel"][];
            /** @description List of one or more Uniform Resource Locators (URLs) that point to API sub-resources, related API resources, or both. RFC 5988 outlines these relationships. */
            readonly links?: components["schemas"]["Link"][];
            mongoDBEmployeeAccessGrant?: components["schemas"]["EmployeeAccessGrantView"];
            /**
             * @description MongoDB major version of the cluster.
             *
             *     On creation: Choose from the available versions of MongoDB, or leave unspecified for the current recommended default in the MongoDB Cloud platform. The recommended version is a recent Long Term Support version. The default is not guaranteed to be the most recently released version throughout the entire release cycle. For versions available in a specific project, see the linked documentation or use the API endpoint for [project LTS versions endpoint](#tag/Projects/operation/getProjectLTSVersions).
             *
             *      On update: Increase version only by 1 major version at a time. If the cluster is pinned to a MongoDB feature compatibility version exactly one major version below the current MongoDB version, the MongoDB version can be downgraded to the previous major version.
             * @example 5.0
             */
            mongoDBMajorVersion?: string;
            /**
             * @description Version of MongoDB that the cluster runs.
             * @example 5.0.25
             */
            mongoDBVersion?: string;
            /** @description Base connection string that you can use to connect to the cluster. MongoDB Cloud displays the string only after the cluster starts, not while it builds the cluster. */
            readonly mongoURI?: string;
            /**
             * Format: date-time
             * @description Date and time when someone last updated the connection string. MongoDB Cloud represents this timestamp in ISO 8601 format in UTC.
             */
            readonly mongoURIUpdated?: string;
            /** @description Connection string that you can use to connect to the cluster including the `replicaSet`, `ssl`, and `authSource` query parameters with values appropriate for the cluster. You may need to add MongoDB database users. The response returns this parameter once the cluster can receive requests, not while it builds the cluster. */
            readonly mongoURIWithOptions?: string;
            /** @description Human-readable label that identifies the cluster. */
            name?: string;
            /**
             * Format: int32
             * @description Number of shards up to 50 to deploy for a sharded cluster. The resource returns `1` to indicate a replica set and values of `2` and higher to indicate a sharded cluster. The returned value equals the number of shards in the cluster.
             * @default 1
             */
            numShards: number;
            /** @description Flag that indicates whether the cluster is paused. */
            paused?: boolean;
            /** @description Flag that indicates whether the cluster uses continuous cloud backups. */
            pitEnabled?: boolean;
            /** @description Flag that indicates whether the M10 or higher cluster can perform Cloud Backups. If set to `true`, the cluster can perform backups. If this and `backupEnabled` are set to `false`, the cluster doesn't use MongoDB Cloud backups. */
            providerBackupEnabled?: boolean;
            providerSettings?: components["schemas"]["ClusterProviderSettings"];
            /**
             * @description Set this field to configure the replica set scaling mode for your cluster.
             *
             *     By default, Atlas scales under `WORKLOAD_TYPE`. This mode allows Atlas to scale your analytics nodes in parallel to your operational nodes.
             *
             *     When configured as `SEQUENTIAL`, Atlas scales all nodes sequentially. This mode is intended for steady-state workloads and applications performing latency-sensitive secondary reads.
             *
             *     When configured as `NODE_TYPE`, Atlas scales your electable nodes in parallel with your read-only and analytics nodes. This mode is intended for large, dynamic workloads requiring frequent and timely cluster tier scaling. This is the fastest scaling strategy, but it might impact latency of workloads when performing extensive secondary reads.
             * @default WORKLOAD_TYPE
             * @enum {string}
             */
            replicaSetScalingStrategy: "SEQUENTIAL" | "WORKLOAD_TYPE" | "NODE_TYPE";
            /**
             * Format: int32
             * @deprecated
             * @description Number of members that belong to the replica set. Each member retains a copy of your databases, providing high availability and data redundancy. Use `replicationSpecs` instead.
             * @default 3
             * @enum {integer}
             */
            replicationFactor: 3 | 5 | 7;
            /**
             * Region Configuration
             * @description Physical location where MongoDB Cloud provisions cluster nodes.
             */
            replicationSpec?: {
                [key: string]: components["schemas"]["RegionSpec"];
            };
            /**
             * @description List of settings that configure your cluster regions.
             *
             *     - For Global Clusters, each object in the array represents one zone where MongoDB Cloud deploys your clusters nodes.
             *     - For non-Global sharded clusters and replica sets, the single object represents where MongoDB Cloud deploys your clusters nodes.
             */
            replicationSpecs?: components["schemas"]["LegacyReplicationSpec"][];
            /**
             * @description Root Certificate Authority that MongoDB Atlas cluster uses. MongoDB Cloud supports Internet Security Research Group.
             * @default ISRGROOTX1
             * @enum {string}
             */
            rootCertType: "ISRGROOTX1";
            /** @description Connection string that you can use to connect to the cluster. The `+srv` modifier forces the connection to use Transport Layer Security (TLS). The `mongoURI` parameter lists additional options. */
            readonly srvAddress?: string;
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
            /** @description List that contains key-value pairs between 1 to 255 characters in length for tagging and categorizing the cluster. */
            tags?: components["schemas"]["ResourceTag"][];
            /**
             * @description Flag that indicates whether termination protection is enabled on the cluster. If set to `true`, MongoDB Cloud won't delete the cluster. If set to `false`, MongoDB Cloud will delete the cluster.
             * @default false
             */
            terminationProtectionEnabled: boolean;
            /**
             * @description Method by which the cluster maintains the MongoDB versions. If value is `CONTINUOUS`, you must not specify `mongoDBMajorVersion`.
             * @default LTS
             * @enum {string}
             */
            versionReleaseSystem: "LTS" | "CONTINUOUS";
        };
        /**
         * Region Configuration
         * @description Physical location where MongoDB Cloud provisions cluster nodes.
         */
        LegacyRegionsConfig: {
            [key: string]: components["schemas"]["RegionSpec"];
        };
        LegacyReplicationSpec: {
            /**
             * @description Unique 24-hexadecimal digit string that identifies the replication object for a zone in a Global Cluster.
             *
             *     - If you include existing zones in the request, you must specify this parameter.
             *
             *     - If you add a new zone to an existing Global Cluster, you may specify this parameter. The request deletes any existing zones in a Global Cluster that you exclude from the request.
             * @example 32b6e34b3d91647abb20e7b8
             */
            id?: string;
            /**
             * Format: int32
             * @description Positive integer that specifies the number of shards to deploy in each specified zone If you set this value to `1` and `clusterType` is `SHARDED`, MongoDB Cloud deploys a single-shard sharded cluster. Don't create a sharded cluster with a single shard for production environments. Single-shard sharded clusters don't provide the same benefits as multi-shard configurations.
             *
             *      If you are upgrading a replica set to a sharded cluster, you cannot increase the number of shards in the same update request.  You should wait until after the cluster has completed upgrading to sharded and you have reconnected all application clients to the MongoDB router before adding additional shards. Otherwise, your data might become inconsistent once MongoDB Cloud begins distributing data across shards.
             * @default 1
             */
            numShards: number;
            regionsConfig?: components["schemas"]["LegacyRegionsConfig"];
            /** @description Human-readable label that identifies the zone in a Global Cluster. Provide this value only if `clusterType` is `GEOSHARDED`. */
            zoneName?: string;
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
        PaginatedApiAtlasFlexBackupRestoreJob20241113View: {
            /** @description List of one or more Uniform Resource Locators (URLs) that point to API sub-resources, related API resources, or both. RFC 5988 outlines these relationships. */
            readonly links?: components["schemas"]["Link"][];
            /** @description List of returned documents that MongoDB Cloud provides when completing this request. */
            readonly results: components["schemas"]["FlexBackupRestoreJob20241113"][];
            /**
             * Format: int32
             * @description Total number of documents available. MongoDB Cloud omits this value if `includeCount` is set to `false`. The total number is an estimate and may not be exact.
             */
            readonly totalCount?: number;
        };
        PaginatedApiAtlasFlexBackupSnapshot20241113View: {
            /** @description List of one or more Uniform Resource Locators (URLs) that point to API sub-resources, related API resources, or both. RFC 5988 outlines these relationships. */
            readonly links?: components["schemas"]["Link"][];
            /** @description List of returned documents that MongoDB Cloud provides when completing this request. */
            readonly results: components["schemas"]["FlexBackupSnapshot20241113"][];
            /**
             * Format: int32
             * @description Total number of documents available. MongoDB Cloud omits this value if `includeCount` is set to `false`. The total number is an estimate and may not be exact.
             */
            readonly totalCount?: number;
        };
        /**
         * Region Configuration
         * @description Physical location where MongoDB Cloud provisions cluster nodes.
         */
        RegionSpec: {
            /**
             * Format: int32
             * @description Number of analytics nodes in the region. Analytics nodes handle analytic data such as reporting queries from MongoDB Connector for Business Intelligence on MongoDB Cloud. Analytics nodes are read-only, and can never become the primary. Use `replicationSpecs[n].{region}.analyticsNodes` instead.
             */
            analyticsNodes?: number;
            /**
             * Format: int32
             * @description Number of electable nodes to deploy in the specified region. Electable nodes can become the primary and can facilitate local reads. Use `replicationSpecs[n].{region}.electableNodes` instead.
             * @enum {integer}
             */
            electableNodes?: 0 | 3 | 5 | 7;
            /**
             * Format: int32
             * @description Number that indicates the election priority of the region. To identify the Preferred Region of the cluster, set this parameter to `7`. The primary node runs in the **Preferred Region**. To identify a read-only region, set this parameter to `0`.
             */
            priority?: number;
            /**
             * Format: int32
             * @description Number of read-only nodes in the region. Read-only nodes can never become the primary member, but can facilitate local reads. Use `replicationSpecs[n].{region}.readOnlyNodes` instead.
             */
            readOnlyNodes?: number;
        };
        /**
         * Replication Specifications
         * @description Details that explain how MongoDB Cloud replicates data on the specified MongoDB database.
         */
        ReplicationSpec: {
            /**
             * @description Unique 24-hexadecimal digit string that identifies the replication object for a zone in a Multi-Cloud Cluster. If you include existing zones in the request, you must specify this parameter. If you add a new zone to an existing Multi-Cloud Cluster, you may specify this parameter. The request deletes any existing zones in the Multi-Cloud Cluster that you exclude from the request.
             * @example 32b6e34b3d91647abb20e7b8
             */
            readonly id?: string;
            /**
             * Format: int32
             * @description Positive integer that specifies the number of shards to deploy in each specified zone. If you set this value to `1` and `clusterType` is `SHARDED`, MongoDB Cloud deploys a single-shard sharded cluster. Don't create a sharded cluster with a single shard for production environments. Single-shard sharded clusters don't provide the same benefits as multi-shard configurations.
             *
             *      If you are upgrading a replica set to a sharded cluster, you cannot increase the number of shards in the same update request.  You should wait until after the cluster has completed upgrading to sharded and you have reconnected all application clients to the MongoDB router before adding additional shards. Otherwise, your data might become inconsistent once MongoDB Cloud begins distributing data across shards.
             */
            numShards?: number;
            /**
             * @description Hardware specifications for nodes set for a given region. Each `regionConfigs` object must be unique by region and cloud provider within the `replicationSpec`. Each `regionConfigs` object describes the region's priority in elections and the number and type of MongoDB nodes that MongoDB Cloud deploys to the region. Each `regionConfigs` object must have either an `analyticsSpecs` object, `electableSpecs` object, or `readOnlySpecs` object. Tenant clusters only require `electableSpecs`. Dedicated clusters can specify any of these specifications, but must have at least one `electableSpecs` object within a `replicationSpec`. Every hardware specification must use the same `instanceSize`.
             *
             *     **Example:**
             *
             *     If you set `replicationSpecs[n].regionConfigs[m].analyticsSpecs.instanceSize` : `M30`, set `replicationSpecs[n].regionConfigs[m].electableSpecs.instanceSize` : `M30` if you have electable nodes and `replicationSpecs[n].regionConfigs[m].readOnlySpecs.instanceSize` : `M30` if you have read-only nodes.
             */
            regionConfigs?: components["schemas"]["CloudRegionConfig"][];
            /**
             * @description Unique 24-hexadecimal digit string that identifies a zone in a Global Cluster.
             * @example 32b6e34b3d91647abb20e7b8
             */
            readonly zoneId?: string;
            /** @description Human-readable label that identifies the zone in a Global Cluster. Provide this value only if `"clusterType" : "GEOSHARDED"`. */
            zoneName?: string;
        };
        /**
         * Replication Specifications
         * @description Details that explain how MongoDB Cloud replicates data on the specified MongoDB database.
         */
        ReplicationSpec20240805: {
            /**
             * @description Unique 24-hexadecimal digit string that identifies the replication object for a shard in a Cluster. If you include existing shard replication configurations in the request, you must specify this parameter. If you add a new shard to an existing Cluster, you may specify this parameter. The request deletes any existing shards  in the Cluster that you exclude from the request. This corresponds to Shard ID displayed in the UI.
             * @example 32b6e34b3d91647abb20e7b8
             */
            readonly id?: string;
            /**
             * @description Hardware specifications for nodes set for a given region. Each `regionConfigs` object must be unique by region and cloud provider within the `replicationSpec`. Each `regionConfigs` object describes the region's priority in elections and the number and type of MongoDB nodes that MongoDB Cloud deploys to the region. Each `regionConfigs` object must have either an `analyticsSpecs` object, `electableSpecs` object, or `readOnlySpecs` object. Tenant clusters only require `electableSpecs`. Dedicated clusters can specify any of these specifications, but must have at least one `electableSpecs` object within a `replicationSpec`.
             *
             *     **Example:**
             *
             *     If you set `replicationSpecs[n].regionConfigs[m].analyticsSpecs.instanceSize` : `M30`, set `replicationSpecs[n].regionConfigs[m].electableSpecs.instanceSize` : `M30` if you have electable nodes and `replicationSpecs[n].regionConfigs[m].readOnlySpecs.instanceSize` : `M30` if you have read-only nodes.
             */
            regionConfigs?: components["schemas"]["CloudRegionConfig20240805"][];
            /**
             * @description Unique 24-hexadecimal digit string that identifies the zone in a Global Cluster. This value can be used to configure Global Cluster backup policies.
             * @example 32b6e34b3d91647abb20e7b8
             */
            readonly zoneId?: string;
            /** @description Human-readable label that describes the zone this shard belongs to in a Global Cluster. Provide this value only if `clusterType` : `GEOSHARDED` but not `selfManagedSharding` : `true`. */
            zoneName?: string;
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
        TenantHardwareSpec: {
            /**
             * @description The true tenant instance size. This is present to support backwards compatibility for deprecated provider types and/or instance sizes.
             * @enum {string}
             */
            readonly effectiveInstanceSize?: "FLEX" | "M2" | "M5" | "M0";
            /**
             * Tenant Instance Sizes
             * @description Hardware specification for the instances in this M0/M2/M5 tier cluster.
             * @enum {string}
             */
            instanceSize?: "M0" | "M2" | "M5";
        };
        TenantHardwareSpec20240805: {
            /**
             * Format: double
             * @description Storage capacity of instance data volumes expressed in gigabytes. Increase this number to add capacity.
             *
             *      This value must be equal for all shards and node types.
             *
             *      This value is not configurable on M0/M2/M5 clusters.
             *
             *      MongoDB Cloud requires this parameter if you set `replicationSpecs`.
             *
             *      If you specify a disk size below the minimum (10 GB), this parameter defaults to the minimum disk size value.
             *
             *      Storage charge calculations depend on whether you choose the default value or a custom value.
             *
             *      The maximum value for disk storage cannot exceed 50 times the maximum RAM for the selected cluster. If you require more storage space, consider upgrading your cluster to a higher tier.
             */
            diskSizeGB?: number;
            /**
             * @description The true tenant instance size. This is present to support backwards compatibility for deprecated provider types and/or instance sizes.
             * @enum {string}
             */
            readonly effectiveInstanceSize?: "FLEX" | "M2" | "M5" | "M0";
            /**
             * Tenant Instance Sizes
             * @description Hardware specification for the instances in this M0/M2/M5 tier cluster.
             * @enum {string}
             */
            instanceSize?: "M0" | "M2" | "M5";
        };
        /**
         * Tenant Regional Replication Specifications
         * @description Details that explain how MongoDB Cloud replicates data in one region on the specified MongoDB database.
         */
        TenantRegionConfig: Omit<components["schemas"]["CloudRegionConfig"], "providerName"> & {
            /**
             * @description Cloud service provider on which MongoDB Cloud provisioned the multi-tenant cluster. The resource returns this parameter when `providerName` is `TENANT` and `electableSpecs.instanceSize` is `M0`, `M2` or `M5`.
             *
             *     Please note that using an `instanceSize` of M2 or M5 will create a Flex cluster instead. Support for the `instanceSize` of M2 or M5 will be discontinued in January 2026. We recommend using the Create Flex Cluster API for such configurations moving forward.
             * @enum {string}
             */
            backingProviderName?: "AWS" | "GCP" | "AZURE";
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            providerName: "TENANT";
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            providerName: "TENANT";
        };
        /**
         * Tenant Regional Replication Specifications
         * @description Details that explain how MongoDB Cloud replicates data in one region on the specified MongoDB database.
         */
        TenantRegionConfig20240805: Omit<components["schemas"]["CloudRegionConfig20240805"], "providerName"> & {
            /**
             * @description Cloud service provider on which MongoDB Cloud provisioned the multi-tenant cluster. The resource returns this parameter when `providerName` is `TENANT` and `electableSpecs.instanceSize` is `M0`, `M2` or `M5`.
             *
             *     Please note that  using an `instanceSize` of `M2` or `M5` will create a Flex cluster instead. Support for the `instanceSize` of `M2` or `M5` will be discontinued in January 2026. We recommend using the Create Flex Cluster API for such configurations moving forward.
             * @enum {string}
             */
            backingProviderName?: "AWS" | "GCP" | "AZURE";
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            providerName: "TENANT";
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            providerName: "TENANT";
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
    getGroupCluster: {
        parameters: {
            query?: {
                /** @description Flag that indicates whether Application wraps the response in an `envelope` JSON object. Some API clients cannot access the HTTP response headers or status code. To remediate this, set envelope=true in the query. Endpoints that return a list of results use the results object as an envelope. Application adds the status parameter to the response body. */
                envelope?: components["parameters"]["envelope"];
                /** @description Flag that indicates whether the response body should be in the prettyprint format. */
                pretty?: components["parameters"]["pretty"];
            };
            header?: {
                /** @description Controls how hardware specification fields are returned in the response. When set to true, returns the original client-specified values and provides separate effective fields showing current operational values. When false (default), hardware specification fields show current operational values directly. Primarily used for autoscaling compatibility. */
                "Use-Effective-Instance-Fields"?: boolean;
                /** @description Controls how `replicationSpecs` are returned in the response. When set to `true`, returns the client-specified view in `replicationSpecs` and the actual cluster state in `effectiveReplicationSpecs`. When `false` (default), `replicationSpecs` contains the actual cluster state. */
                "Use-Effective-Fields-Replication-Specs"?: boolean;
            };
            path: {
                /**
                 * @description Unique 24-hexadecimal digit string that identifies your project. Use the [/groups](#tag/Projects/operation/listProjects) endpoint to retrieve all projects to which the authenticated user has access.
                 *
                 *     **NOTE**: Groups and projects are synonymous terms. Your group id is the same as your project id. For existing groups, your group/project id remains the same. The resource and corresponding endpoints use the term groups.
                 */
                groupId: components["parameters"]["groupId"];
                /** @description Human-readable label that identifies this cluster. */
                clusterName: string;
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
                    "application/vnd.atlas.2023-01-01+json": components["schemas"]["LegacyAtlasCluster"];
                    "application/vnd.atlas.2023-02-01+json": components["schemas"]["AdvancedClusterDescription"];
                    "application/vnd.atlas.2024-08-05+json": components["schemas"]["ClusterDescription20240805"];
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
    downloadGroupFlexClusterBackup: {
        parameters: {
            query?: {
                /** @description Flag that indicates whether Application wraps the response in an `envelope` JSON object. Some API clients cannot access the HTTP response headers or status code. To remediate this, set envelope=true in the query. Endpoints that return a list of results use the results object as an envelope. Application adds the status parameter to the response body. */
                envelope?: components["parameters"]["envelope"];
                /** @description Flag that indicates whether the response body should be in the prettyprint format. */
                pretty?: components["parameters"]["pretty"];
            };
            header?: never;
            path: {
                /** @description Human-readable label that identifies the flex cluster. */
                name: string;
                /**
                 * @description Unique 24-hexadecimal digit string that identifies your project. Use the [/groups](#tag/Projects/operation/listProjects) endpoint to retrieve all projects to which the authenticated user has access.
                 *
                 *     **NOTE**: Groups and projects are synonymous terms. Your group id is the same as your project id. For existing groups, your group/project id remains the same. The resource and corresponding endpoints use the term groups.
                 */
                groupId: components["parameters"]["groupId"];
            };
            cookie?: never;
        };
        /** @description Snapshot to be downloaded. */
        requestBody: {
            content: {
                "application/vnd.atlas.2024-11-13+json": components["schemas"]["FlexBackupSnapshotDownloadCreate20241113"];
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
                    "application/vnd.atlas.2024-11-13+json": components["schemas"]["FlexBackupRestoreJob20241113"];
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
    listGroupFlexClusterBackupRestoreJobs: {
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
                    "application/vnd.atlas.2024-11-13+json": components["schemas"]["PaginatedApiAtlasFlexBackupRestoreJob20241113View"];
                };
            };
            400: components["responses"]["badRequest"];
            401: components["responses"]["unauthorized"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["notFound"];
            429: components["responses"]["tooManyRequests"];
            500: components["responses"]["internalServerError"];
        };
    };
    createGroupFlexClusterBackupRestoreJob: {
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
                /** @description Human-readable label that identifies the flex cluster whose snapshot you want to restore. */
                name: string;
            };
            cookie?: never;
        };
        /** @description Restores one snapshot of one flex cluster from the specified project. */
        requestBody: {
            content: {
                "application/vnd.atlas.2024-11-13+json": components["schemas"]["FlexBackupRestoreJobCreate20241113"];
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
                    "application/vnd.atlas.2024-11-13+json": components["schemas"]["FlexBackupRestoreJob20241113"];
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
    getGroupFlexClusterBackupRestoreJob: {
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
                /** @description Unique 24-hexadecimal digit string that identifies the restore job to return. */
                restoreJobId: string;
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
                    "application/vnd.atlas.2024-11-13+json": components["schemas"]["FlexBackupRestoreJob20241113"];
                };
            };
            400: components["responses"]["badRequest"];
            401: components["responses"]["unauthorized"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["notFound"];
            429: components["responses"]["tooManyRequests"];
            500: components["responses"]["internalServerError"];
        };
    };
    listGroupFlexClusterBackupSnapshots: {
        parameters: {
            query?: {
                /** @description Flag that indicates whether Application wraps the response in an `envelope` JSON object. Some API clients cannot access the HTTP response headers or status code. To remediate this, set envelope=true in the query. Endpoints that return a list of results use the results object as an envelope. Application adds the status parameter to the response body. */
                envelope?: components["parameters"]["envelope"];
                /** @description Flag that indicates whether the response body should be in the prettyprint format. */
                pretty?: components["parameters"]["pretty"];
                /** @description Flag that indicates whether the response returns the total number of items (`totalCount`) in the response. */
                includeCount?: components["parameters"]["includeCount"];
                /** @description Number of items that the response returns per page. */
                itemsPerPage?: components["parameters"]["itemsPerPage"];
                /** @description Number of the page that displays the current set of the total objects that the response returns. */
                pageNum?: components["parameters"]["pageNum"];
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
                    "application/vnd.atlas.2024-11-13+json": components["schemas"]["PaginatedApiAtlasFlexBackupSnapshot20241113View"];
                };
            };
            400: components["responses"]["badRequest"];
            401: components["responses"]["unauthorized"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["notFound"];
            429: components["responses"]["tooManyRequests"];
            500: components["responses"]["internalServerError"];
        };
    };
    getGroupFlexClusterBackupSnapshot: {
        parameters: {
            query?: {
                /** @description Flag that indicates whether Application wraps the response in an `envelope` JSON object. Some API clients cannot access the HTTP response headers or status code. To remediate this, set envelope=true in the query. Endpoints that return a list of results use the results object as an envelope. Application adds the status parameter to the response body. */
                envelope?: components["parameters"]["envelope"];
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
                /** @description Unique 24-hexadecimal digit string that identifies the desired snapshot. */
                snapshotId: string;
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
                    "application/vnd.atlas.2024-11-13+json": components["schemas"]["FlexBackupSnapshot20241113"];
                };
            };
            400: components["responses"]["badRequest"];
            401: components["responses"]["unauthorized"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["notFound"];
            429: components["responses"]["tooManyRequests"];
            500: components["responses"]["internalServerError"];
        };
    };
}
